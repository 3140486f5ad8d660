import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type SyncView } from '@/lib/messaging';
import { SYNC_RECORD_KEY, type SyncOutcome } from '@/lib/sync';
import type { HeldChange } from '@/lib/sync/merge';
import { SITE_NAMES } from '@/lib/sites/names';
import { formatNumber } from '@/lib/i18n/format';

function describeOutcome(outcome: SyncOutcome): string {
  switch (outcome) {
    case 'synced':
      return i18n.t('options.sync.synced');
    case 'too-big':
      return i18n.t('options.sync.tooBig');
    case 'unavailable':
      return i18n.t('options.sync.unavailable');
    case 'newer-version':
      return i18n.t('options.sync.newerVersion');
    case 'unreadable':
      return i18n.t('options.sync.unreadable');
  }
}

function describeHeld(change: HeldChange): string {
  if (change.kind === 'remove-person') return i18n.t('options.sync.heldRemovePerson', [change.name]);
  if (change.kind === 'remove-account') {
    return i18n.t('options.sync.heldRemoveAccount', [change.name, SITE_NAMES[change.account.site], change.account.handle]);
  }
  return i18n.t('options.sync.heldGoal', [change.name, formatNumber(change.goalDays)]);
}

/** Opt-in sync of the people and reasons through the browser's own sync. */
export function SyncSection() {
  const [view, setView] = useState<SyncView>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const load = () => void sendMessage('ui-bg-sync-state', {}).then(setView, () => setFailure(i18n.t('options.sync.readFailed')));
    load();
    // The worker records every sync it runs, also ones started by another device's change.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_RECORD_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  if (!view) return null;

  const act = async (send: () => Promise<SyncView>) => {
    setBusy(true);
    setFailure('');
    try {
      setView(await send());
    } catch {
      setFailure(i18n.t('options.sync.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="stack" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{i18n.t('options.sync.heading')}</h2>
      <div class="card stack">
        <p class="muted small">{i18n.t('options.sync.intro')}</p>
        <label class="choice">
          <input
            type="checkbox"
            checked={view.enabled}
            disabled={busy}
            data-testid="sync-toggle"
            onChange={(event) => void act(() => sendMessage('ui-bg-sync-set', { enabled: event.currentTarget.checked }))}
          />
          {i18n.t('options.sync.toggle')}
        </label>
        {view.enabled && view.last && (
          <p class={view.last.outcome === 'synced' ? 'small' : 'notice warn'} role="status" data-testid="sync-status">
            {describeOutcome(view.last.outcome)}
          </p>
        )}
        {view.enabled &&
          view.held.map((change) => (
            <div key={JSON.stringify(change)} class="notice stack" data-testid="sync-held">
              <p>
                {describeHeld(change)} {i18n.t('options.sync.heldKeeps')}
              </p>
              <div class="row">
                <button
                  type="button"
                  class="quiet"
                  disabled={busy}
                  onClick={() => void act(() => sendMessage('ui-bg-sync-keep', { change }))}
                >
                  {i18n.t('options.sync.keep')}
                </button>
              </div>
            </div>
          ))}
        {failure && (
          <p class="notice error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </section>
  );
}
