import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { describeWriteError } from '@/lib/db/errors';
import type { ContactKind } from '@/lib/model';
import { MAX_NOTE_LENGTH } from '@/lib/model';
import { PersonPicker } from './PersonPicker';
import type { PersonGlance } from '@/lib/glance';
import { dayCount } from '@/components/StreakHero';
import { usePanelFocus } from './panel-focus';

type Step =
  | { kind: 'closed' }
  | { kind: 'confirm-slip' }
  | { kind: 'log-contact' }
  | { kind: 'done'; message: string };

function notASlip(): { kind: ContactKind; label: string; advice: string }[] {
  return [
    {
      kind: 'they-reached-out',
      label: i18n.t('contact.kind.theyReachedOut.label'),
      advice: i18n.t('contact.kind.theyReachedOut.advice'),
    },
    {
      kind: 'emergency',
      label: i18n.t('contact.kind.emergency.label'),
      advice: i18n.t('contact.kind.emergency.advice'),
    },
    {
      kind: 'ran-into-them',
      label: i18n.t('contact.kind.ranIntoThem.label'),
      advice: i18n.t('contact.kind.ranIntoThem.advice'),
    },
  ];
}

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
  const openPanel = step.kind === 'confirm-slip' || step.kind === 'log-contact' ? step.kind : null;
  const { panel, openerRef } = usePanelFocus(openPanel);
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

  const personPicker = <PersonPicker label={i18n.t('contact.who')} people={people} personId={personId} onChange={setPersonId} />;

  const noteField = (
    <label>
      {i18n.t('contact.note')}
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
      <section key="slip" ref={panel} tabIndex={-1} class="card stack" aria-label={i18n.t('contact.reachedOut')} data-testid="slip-panel">
        {personPicker}
        <p>{i18n.t('contact.slipText', [dayCount(longest)])}</p>
        {noteField}
        {error && <p class="notice error" role="alert">{error}</p>}
        <div class="row">
          <button
            type="button"
            class="primary"
            onClick={() =>
              void save(
                'i-reached-out',
                i18n.t('contact.slipDone', [dayCount(longest)]),
              )
            }
          >
            {i18n.t('contact.startAgain')}
          </button>
          <button type="button" onClick={() => setStep({ kind: 'closed' })}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </section>
    );
  }

  if (step.kind === 'log-contact') {
    const options = notASlip();
    const choice = options.find((option) => option.kind === contactKind) ?? options[0]!;
    return (
      <section key="contact" ref={panel} tabIndex={-1} class="card stack" aria-label={i18n.t('contact.fromThem')} data-testid="contact-panel">
        {personPicker}
        <fieldset class="stack plain">
          <legend class="small muted">{i18n.t('contact.whatHappened')}</legend>
          {options.map((option) => (
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
            {i18n.t('common.logIt')}
          </button>
          <button type="button" onClick={() => setStep({ kind: 'closed' })}>
            {i18n.t('common.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section key="buttons" class="stack" aria-label={i18n.t('contact.section')}>
      {step.kind === 'done' && (
        <p class="notice" role="status" data-testid="contact-message">
          {step.message}
        </p>
      )}
      <div class="row contact-buttons">
        <button type="button" ref={openerRef('confirm-slip')} onClick={() => open({ kind: 'confirm-slip' })}>
          {i18n.t('contact.reachedOut')}
        </button>
        <button type="button" ref={openerRef('log-contact')} onClick={() => open({ kind: 'log-contact' })}>
          {i18n.t('contact.theyContacted')}
        </button>
      </div>
    </section>
  );
}
