import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How long after navigation the curtain waits for the HTML to finish arriving: a page that
 * stalls (a script that never loads) is shown as it is rather than left blank.
 */
export const LONGEST_CURTAIN_MS = 4_000;

/**
 * Lifts the static curtain from within the page: an inline style on <html> outranks its author
 * rule, and changes one element's style where a new stylesheet would restyle the whole page. A
 * page that rewrites <html>'s style attribute would blank itself, so the lift is put back at
 * once, before the next paint.
 */
export function liftCurtainLocally(ctx: ContentScriptContext): void {
  const root = document.documentElement;
  const lift = () => root.style.setProperty('opacity', '1', 'important');
  lift();
  const observer = new MutationObserver(() => {
    if (root.style.getPropertyValue('opacity') !== '1' || root.style.getPropertyPriority('opacity') !== 'important') lift();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['style'] });
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * Lifts the curtain once the page's HTML is all parsed: a page still arriving can be painted
 * between two chunks of HTML, with a post of theirs parsed up to its avatar but not yet to the
 * link the rules know them by. Procedural rules have scanned what is parsed by then, and scan
 * the rest as it is added, before it is painted.
 */
export function liftCurtainOnceParsed(ctx: ContentScriptContext): void {
  let lifted = false;
  const lift = () => {
    if (lifted) return;
    lifted = true;
    liftCurtainLocally(ctx);
  };
  if (document.readyState !== 'loading') return lift();
  ctx.addEventListener(document, 'readystatechange', () => {
    if (document.readyState !== 'loading') lift();
  });
  ctx.setTimeout(lift, Math.max(0, LONGEST_CURTAIN_MS - performance.now()));
}
