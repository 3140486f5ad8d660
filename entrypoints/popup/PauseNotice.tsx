import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '@/lib/i18n/format';
import { SITE_NAMES } from '@/lib/sites/names';
import { activePauses, withoutPause, type PauseScope } from '@/lib/friction/pause';
import { readProtectionPause, saveProtectionPause } from '@/lib/friction/store';

/** Says calmly when protection is paused, with a way to bring it back at once. */
export function PauseNotice() {
  const [pauses, setPauses] = useState<Array<{ scope: PauseScope; until: number }>>([]);
  const check = async () => setPauses(activePauses(await readProtectionPause(), Date.now()));
  useEffect(() => void check(), []);

  const resume = async (scope: PauseScope) => {
    await saveProtectionPause(withoutPause(await readProtectionPause(), scope));
    await check();
  };

  return (
    <>
      {pauses.map(({ scope, until }) => (
        <div class="notice row" role="status" key={scope} data-testid="pause-notice">
          <span class="grow">
            {scope === 'everywhere'
              ? i18n.t('pauseNotice.everywhere', [formatDate(until, 'HH:mm')])
              : i18n.t('pauseNotice.onSite', [SITE_NAMES[scope], formatDate(until, 'HH:mm')])}
          </span>
          <button type="button" onClick={() => void resume(scope)}>
            {i18n.t('pauseNotice.resume')}
          </button>
        </div>
      ))}
    </>
  );
}
