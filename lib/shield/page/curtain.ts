import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '@/lib/messaging';
import { liftCurtainLocally } from './routes';

/**
 * How long after navigation the curtain waits for the HTML to finish arriving: a page that
 * stalls (a script that never loads) is shown as it is rather than left blank.
 */
export const LONGEST_CURTAIN_MS = 4_000;

/**
 * Lifts the curtain the worker held, once the page's HTML is all parsed: until then a post of
 * theirs may be painted half-parsed, before the link the rules know them by. Procedural rules
 * have scanned what is parsed by then, and scan the rest as it is added, before it is painted.
 */
export function liftCurtainOnceParsed(ctx: ContentScriptContext): void {
  let lifted = false;
  const lift = () => {
    if (lifted) return;
    lifted = true;
    // The worker lifts it with a user-origin rule, which no style the page writes can undo.
    sendMessage('cs-bg-lift-curtain', {}).catch(liftCurtainLocally);
  };
  if (document.readyState !== 'loading') return lift();
  ctx.addEventListener(document, 'readystatechange', () => {
    if (document.readyState !== 'loading') lift();
  });
  ctx.setTimeout(lift, Math.max(0, LONGEST_CURTAIN_MS - performance.now()));
}
