import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { describeWriteError } from '@/lib/db/errors';
import { INTENSITIES, MAX_NOTE_LENGTH, type Intensity } from '@/lib/model';
import type { PersonGlance } from '@/lib/glance';

interface Props {
  people: PersonGlance[];
  onLogged: () => Promise<void>;
}

const INTENSITY_WORDS: Record<Intensity, string> = { 1: 'faint', 2: 'mild', 3: 'strong', 4: 'very strong', 5: 'overwhelming' };

/** "I felt an urge": for the ones outside the browser (to text, to call, to drive past). */
export function ManualUrge({ people, onLogged }: Props) {
  const [open, setOpen] = useState(false);
  const [personId, setPersonId] = useState(people[0]?.person.id ?? 0);
  const [intensity, setIntensity] = useState<Intensity>();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');

  const start = () => {
    setIntensity(undefined);
    setNote('');
    setError('');
    setMessage('');
    setOpen(true);
  };

  const save = async () => {
    try {
      const trimmed = note.trim();
      await sendMessage('ui-bg-log-manual-urge', {
        personId,
        ...(intensity ? { intensity } : {}),
        ...(trimmed ? { note: trimmed } : {}),
        at: Date.now(),
      });
    } catch (failure) {
      return setError(describeWriteError(failure, 'record'));
    }
    setOpen(false);
    setMessage('Logged. You felt it and you let it pass: that is the whole skill.');
    await onLogged();
  };

  if (!open) {
    return (
      <div class="stack manual-urge">
        <button type="button" onClick={start} data-testid="manual-urge-open">
          I felt an urge
        </button>
        {message && (
          <p class="small muted" role="status" data-testid="manual-urge-message">
            {message}
          </p>
        )}
      </div>
    );
  }

  return (
    <section class="stack manual-urge-form" aria-labelledby="manual-urge-heading" data-testid="manual-urge">
      <h2 id="manual-urge-heading" class="card-title">
        An urge outside the browser
      </h2>
      <p class="small muted">Wanted to text, to call, to drive past? Noticing it is already a choice.</p>
      {people.length > 1 && (
        <label>
          About
          <select value={personId} onChange={(event) => setPersonId(Number(event.currentTarget.value))}>
            {people.map(({ person }) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset class="plain intensity">
        <legend class="small muted">How strong was it? 1 is faint, 5 overwhelming (optional)</legend>
        <div class="row">
          {INTENSITIES.map((level) => (
            <label key={level} class="intensity-choice" title={INTENSITY_WORDS[level]}>
              <input
                type="radio"
                name="intensity"
                value={level}
                checked={intensity === level}
                onChange={() => setIntensity(level)}
                aria-label={`${level}, ${INTENSITY_WORDS[level]}`}
              />
              <span aria-hidden="true">{level}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        What happened? (optional)
        <textarea
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          placeholder="Wanted to text them after the song came on."
          onInput={(event) => setNote(event.currentTarget.value)}
          data-testid="manual-urge-note"
        />
      </label>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => void save()} data-testid="manual-urge-save">
          Log it
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
