import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { usePanelFocus } from './panel-focus';
import { sendMessage } from '@/lib/messaging';
import { describeWriteError } from '@/lib/db/errors';
import { INTENSITIES, MAX_NOTE_LENGTH, type Intensity } from '@/lib/model';
import { PersonPicker } from './PersonPicker';
import type { PersonGlance } from '@/lib/glance';

interface Props {
  people: PersonGlance[];
  onLogged: () => Promise<void>;
}

function intensityWord(level: Intensity): string {
  switch (level) {
    case 1:
      return i18n.t('manualUrge.intensity.faint');
    case 2:
      return i18n.t('manualUrge.intensity.mild');
    case 3:
      return i18n.t('manualUrge.intensity.strong');
    case 4:
      return i18n.t('manualUrge.intensity.veryStrong');
    case 5:
      return i18n.t('manualUrge.intensity.overwhelming');
  }
}

/** "I felt an urge": for the ones outside the browser (to text, to call, to drive past). */
export function ManualUrge({ people, onLogged }: Props) {
  const [open, setOpen] = useState(false);
  const [personId, setPersonId] = useState(people[0]?.person.id ?? 0);
  const [intensity, setIntensity] = useState<Intensity>();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const { panel, openerRef } = usePanelFocus(open ? 'urge' : null);

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
    setMessage(i18n.t('manualUrge.logged'));
    await onLogged();
  };

  if (!open) {
    return (
      <div class="stack manual-urge">
        <button type="button" ref={openerRef('urge')} onClick={start} data-testid="manual-urge-open">
          {i18n.t('manualUrge.open')}
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
    <section ref={panel} tabIndex={-1} class="stack manual-urge-form" aria-labelledby="manual-urge-heading" data-testid="manual-urge">
      <h2 id="manual-urge-heading" class="card-title">
        {i18n.t('manualUrge.heading')}
      </h2>
      <p class="small muted">{i18n.t('manualUrge.intro')}</p>
      <PersonPicker label={i18n.t('manualUrge.about')} people={people} personId={personId} onChange={setPersonId} />
      <fieldset class="plain intensity">
        <legend class="small muted">{i18n.t('manualUrge.strength')}</legend>
        <div class="row">
          {INTENSITIES.map((level) => (
            <label key={level} class="intensity-choice" title={intensityWord(level)}>
              <input
                type="radio"
                name="intensity"
                value={level}
                checked={intensity === level}
                onChange={() => setIntensity(level)}
                aria-label={`${level}, ${intensityWord(level)}`}
              />
              <span aria-hidden="true">{level}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {i18n.t('manualUrge.whatHappened')}
        <textarea
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          placeholder={i18n.t('manualUrge.placeholder')}
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
          {i18n.t('common.logIt')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
