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
      <p>Clean Break isn’t allowed in private windows yet, so they aren’t hidden there, where a late-night look is easiest.</p>
      {import.meta.env.FIREFOX ? (
        <p class="small">
          To allow it: open the menu, then Add-ons and themes, choose Clean Break, and set “Run in Private Windows” to
          Allow.
        </p>
      ) : (
        <p class="small">
          To allow it: open Extensions, choose Details under Clean Break, and turn on “Allow in Incognito”.
        </p>
      )}
    </div>
  );
}
