import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { getDb, getReasons, saveReasons } from '@/lib/db';
import { describeWriteError, type WriteAction } from '@/lib/db/errors';
import { MAX_REASON_LENGTH, MAX_REASONS } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { formatNumber } from '@/lib/i18n/format';

/** The user's own words, shown on the pause page when they reach for the person. */
export function ReasonsSection() {
  const [reasons, setReasons] = useState<string[]>();
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  useEffect(() => void getReasons(getDb()).then(setReasons), []);
  if (reasons === undefined) return null;

  /** Stores the whole list; on failure the list on screen stays what is stored. */
  const store = async (next: string[], action: WriteAction): Promise<boolean> => {
    try {
      await saveReasons(getDb(), next);
    } catch (error) {
      setMessage({ text: describeWriteError(error, action), error: true });
      return false;
    }
    setReasons(next);
    setMessage(undefined);
    // Reasons travel with sync: let the worker know they changed.
    void sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
    return true;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const reason = draft.trim().replace(/\s+/g, ' ');
    if (!reason) return setMessage({ text: i18n.t('options.reasons.writeFirst') });
    if (reasons.length >= MAX_REASONS) return setMessage({ text: i18n.t('options.reasons.max', [formatNumber(MAX_REASONS)]) });
    if (await store([...reasons, reason], 'save')) setDraft('');
  };

  return (
    <section class="stack" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">{i18n.t('options.reasons.heading')}</h2>
      <div class="card stack">
        <p class="muted small">{i18n.t('options.reasons.intro')}</p>
        {reasons.length > 0 && (
          <ol class="reasons-list" data-testid="reasons-list">
            {reasons.map((reason, index) => (
              <li key={`${index}:${reason}`} class="row">
                <span class="grow">{reason}</span>
                <button
                  type="button"
                  class="quiet"
                  aria-label={i18n.t('options.reasons.remove', [formatNumber(index + 1)])}
                  onClick={() => void store(reasons.filter((_, i) => i !== index), 'remove')}
                >
                  {i18n.t('options.reasons.removeButton')}
                </button>
              </li>
            ))}
          </ol>
        )}
        <form class="row align-end" onSubmit={add}>
          <label class="grow">
            {i18n.t('options.reasons.add')}
            <input
              name="reason"
              value={draft}
              maxLength={MAX_REASON_LENGTH}
              placeholder={i18n.t('options.reasons.placeholder')}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          </label>
          <button type="submit">{i18n.t('options.reasons.addButton')}</button>
        </form>
        {message && (
          <p
            class={message.error ? 'notice error' : 'small'}
            role={message.error ? 'alert' : 'status'}
            data-testid="reasons-message"
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
