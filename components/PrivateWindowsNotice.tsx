import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * Says when the browser keeps Clean Break out of private windows, how to let it in there, and
 * why: a private window is where a late-night look is easiest.
 */
export function PrivateWindowsNotice() {
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    void browser.extension
      .isAllowedIncognitoAccess()
      .then(setAllowed)
      .catch(() => setAllowed(true));
  }, []);
  if (allowed) return null;

  return (
    <div class="notice warn stack" role="status" data-testid="private-windows-notice">
      <p>{i18n.t('privateWindows.notAllowed')}</p>
      {import.meta.env.FIREFOX ? (
        <p class="small">
          {i18n.t('privateWindows.howToFirefox')}
        </p>
      ) : (
        <p class="small">
          {i18n.t('privateWindows.howToChrome')}
        </p>
      )}
    </div>
  );
}
