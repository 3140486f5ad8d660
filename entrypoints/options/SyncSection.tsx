import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type SyncView } from '@/lib/messaging';
import { SYNC_RECORD_KEY } from '@/lib/sync';
import type { HeldChange } from '@/lib/sync/merge';
import { SITE_NAMES } from '@/lib/sites/names';

const OUTCOME_TEXT = {
  synced: 'Up to date with your other devices.',
  'too-big':
    "Your people and reasons are more than your browser's sync can carry (about 100 KB), so this device's latest changes weren't shared. Everything here keeps working; a shorter reasons list would fit.",
  unavailable:
    "Your browser's sync didn't accept the changes just now (it may be switched off, or busy). Everything here keeps working, and Clean Break tries again at the next change.",
  'newer-version':
    'Another device has a newer version of Clean Break. Update it here to sync again; nothing here was changed.',
  unreadable: "What your other devices shared couldn't be read, so nothing here was changed. It's tried again at the next change.",
} as const;

function describeHeld(change: HeldChange): string {
  if (change.kind === 'remove-person') return `Your other device stopped taking space from ${change.name}.`;
  if (change.kind === 'remove-account') {
    return `Your other device removed ${change.name}'s ${SITE_NAMES[change.account.site]} account (${change.account.handle}).`;
  }
  return `Your other device lowered the goal for ${change.name} to ${change.goalDays} days.`;
}

/** Opt-in sync of the people and reasons through the browser's own sync. */
export function SyncSection() {
  const [view, setView] = useState<SyncView>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    const load = () => void sendMessage('ui-bg-sync-state', {}).then(setView, () => setFailure('Sync settings could not be read.'));
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
      setFailure("That didn't work. Nothing changed; try again in a moment.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="stack" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Your other computers</h2>
      <div class="card stack">
        <p class="muted small">
          Off unless you turn it on. When it's on, the people you're taking space from (with their accounts, start
          date and goal), your slips, and your reasons travel to your other computers where Clean Break is
          installed, so they're hidden there too. Your urges, contacts' notes, activities and reflections stay on each
          device. Your browser carries it, under your own account: Chrome Sync, or Firefox Sync (end-to-end
          encrypted). Clean Break has no server.
        </p>
        <label class="row">
          <input
            type="checkbox"
            checked={view.enabled}
            disabled={busy}
            data-testid="sync-toggle"
            onChange={(event) => void act(() => sendMessage('ui-bg-sync-set', { enabled: event.currentTarget.checked }))}
          />
          Sync with my other computers
        </label>
        {view.enabled && view.last && (
          <p class={view.last.outcome === 'synced' ? 'small' : 'notice warn'} role="status" data-testid="sync-status">
            {OUTCOME_TEXT[view.last.outcome]}
          </p>
        )}
        {view.enabled &&
          view.held.map((change) => (
            <div key={JSON.stringify(change)} class="notice stack" data-testid="sync-held">
              <p>
                {describeHeld(change)} This computer keeps protecting you until you make that change here too, in the
                section above, with the same pause as any change that lowers protection.
              </p>
              <div class="row">
                <button
                  type="button"
                  class="quiet"
                  disabled={busy}
                  onClick={() => void act(() => sendMessage('ui-bg-sync-keep', { change }))}
                >
                  Keep it, on every computer
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
