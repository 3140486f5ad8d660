import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { describeWriteError } from '@/lib/db/errors';
import type { ContactKind } from '@/lib/model';
import { MAX_NOTE_LENGTH } from '@/lib/model';
import type { PersonGlance } from '@/lib/glance';
import { dayWord } from '@/components/StreakHero';

type Step =
  | { kind: 'closed' }
  | { kind: 'confirm-slip' }
  | { kind: 'log-contact' }
  | { kind: 'done'; message: string };

const NOT_A_SLIP: { kind: ContactKind; label: string; advice: string }[] = [
  {
    kind: 'they-reached-out',
    label: 'They contacted me',
    advice:
      "You don't owe them a reply. If it's a real emergency, answer only about the emergency, and only as much as it needs.",
  },
  {
    kind: 'emergency',
    label: 'There was an emergency',
    advice: 'Handling an emergency is not a slip. Keep it to what the emergency needs, then give yourself some quiet.',
  },
  {
    kind: 'ran-into-them',
    label: 'I ran into them',
    advice: "Running into someone isn't a slip. Be gentle with yourself for the rest of today.",
  },
];

interface Props {
  people: PersonGlance[];
  onRecorded: () => Promise<void>;
}

/** "I reached out to them" (restarts the count, kindly) and "They contacted me" (logged, not a slip). */
export function ContactPanel({ people, onRecorded }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [personId, setPersonId] = useState(people[0]?.person.id ?? 0);
  const [note, setNote] = useState('');
  const [contactKind, setContactKind] = useState<ContactKind>('they-reached-out');
  const [error, setError] = useState('');
  const chosen = people.find((glance) => glance.person.id === personId) ?? people[0];
  if (chosen === undefined) return null;

  const open = (next: Step) => {
    setNote('');
    setError('');
    setStep(next);
  };

  const save = async (kind: ContactKind, message: string) => {
    try {
      await sendMessage('ui-bg-record-contact', { personId: chosen.person.id, kind, note: note.trim(), at: Date.now() });
    } catch (failure) {
      return setError(describeWriteError(failure, 'record'));
    }
    await onRecorded();
    setStep({ kind: 'done', message });
  };

  const personPicker = people.length > 1 && (
    <label>
      Who
      <select value={personId} onChange={(event) => setPersonId(Number(event.currentTarget.value))}>
        {people.map(({ person }) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </label>
  );

  const noteField = (
    <label>
      A note for yourself (optional)
      <textarea
        value={note}
        maxLength={MAX_NOTE_LENGTH}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
    </label>
  );

  if (step.kind === 'confirm-slip') {
    const longest = chosen.streak.longest;
    return (
      <section class="card stack" aria-label="I reached out to them" data-testid="slip-panel">
        {personPicker}
        <p>
          That happens, and it doesn't undo the days you had. Your count will start again from today; your longest
          streak, {longest} {dayWord(longest)}, stays yours.
        </p>
        {noteField}
        {error && <p class="notice error" role="alert">{error}</p>}
        <div class="row">
          <button
            type="button"
            class="primary"
            onClick={() =>
              void save(
                'i-reached-out',
                `Your count starts again today. You've already shown you can do ${longest} ${dayWord(longest)}, and you can do it again.`,
              )
            }
          >
            Start my count again
          </button>
          <button type="button" onClick={() => setStep({ kind: 'closed' })}>
            Cancel
          </button>
        </div>
      </section>
    );
  }

  if (step.kind === 'log-contact') {
    const choice = NOT_A_SLIP.find((option) => option.kind === contactKind) ?? NOT_A_SLIP[0]!;
    return (
      <section class="card stack" aria-label="Contact from them" data-testid="contact-panel">
        {personPicker}
        <fieldset class="stack plain">
          <legend class="small muted">What happened? This doesn't restart your count.</legend>
          {NOT_A_SLIP.map((option) => (
            <label key={option.kind} class="choice">
              <input
                type="radio"
                name="contact-kind"
                value={option.kind}
                checked={contactKind === option.kind}
                onChange={() => setContactKind(option.kind)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {noteField}
        {error && <p class="notice error" role="alert">{error}</p>}
        <div class="row">
          <button type="button" class="primary" onClick={() => void save(choice.kind, choice.advice)}>
            Log it
          </button>
          <button type="button" onClick={() => setStep({ kind: 'closed' })}>
            Cancel
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="stack" aria-label="Contact">
      {step.kind === 'done' && (
        <p class="notice" role="status" data-testid="contact-message">
          {step.message}
        </p>
      )}
      <div class="row contact-buttons">
        <button type="button" onClick={() => open({ kind: 'confirm-slip' })}>
          I reached out to them
        </button>
        <button type="button" onClick={() => open({ kind: 'log-contact' })}>
          They contacted me
        </button>
      </div>
    </section>
  );
}
