import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** storage.local key: the person closed this note in the popup (listed in PRIVACY.md). */
export const PRIVATE_WINDOWS_NOTE_CLOSED_KEY = 'privateWindowsNoteClosed';

/**
 * Says when the browser keeps Clean Break out of private windows, how to let it in there, and
 * why: a private window is where a late-night look is easiest. With `closable` (the popup) it
 * can be put away for good, so the glance is not opened onto the same warning every time; Settings
 * keeps showing it.
 */
export function PrivateWindowsNotice({ closable = false }: { closable?: boolean }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const closed = closable
      ? browser.storage.local.get(PRIVATE_WINDOWS_NOTE_CLOSED_KEY).then((stored) => stored[PRIVATE_WINDOWS_NOTE_CLOSED_KEY] === true)
      : Promise.resolve(false);
    void Promise.all([browser.extension.isAllowedIncognitoAccess(), closed])
      .then(([allowed, wasClosed]) => setShown(!allowed && !wasClosed))
      .catch(() => setShown(false));
  }, [closable]);
  if (!shown) return null;

  const close = () => {
    setShown(false);
    void browser.storage.local.set({ [PRIVATE_WINDOWS_NOTE_CLOSED_KEY]: true }).catch(() => undefined);
  };

  return (
    <div class="notice warn stack" role="status" data-testid="private-windows-notice">
      <p>{i18n.t('privateWindows.notAllowed')}</p>
      <p class="small">{i18n.t(import.meta.env.FIREFOX ? 'privateWindows.howToFirefox' : 'privateWindows.howToChrome')}</p>
      {closable && (
        <div class="row">
          <button type="button" class="quiet" onClick={close} data-testid="private-windows-close">
            {i18n.t('privateWindows.close')}
          </button>
          <span class="small muted">{i18n.t('privateWindows.stillInSettings')}</span>
        </div>
      )}
    </div>
  );
}
