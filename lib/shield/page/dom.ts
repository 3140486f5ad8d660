import type { ContentScriptContext } from 'wxt/utils/content-script-context';
/** Nested additions are covered by their ancestor's scan; a walk up keeps this linear. */
function hasQueuedAncestor(element: Element, roots: Set<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (roots.has(parent)) return true;
  }
  return false;
}

/**
 * The one DOM observer. Every batch of mutations first runs `onMutation` at once (a cheap URL
 * compare), then queues the added elements (and, with `readsText`, those whose text or naming
 * attributes changed), flushed to `onElements` once per animation frame: before the browser paints them.
 * Without `readsText` it starts once the HTML is parsed: only the census reads added elements
 * then, and it walks the page as parsed, while an observer fed by the parser would make the
 * browser queue a record for every element of the page.
 */
export function watchDom(
  ctx: ContentScriptContext,
  onMutation: () => void,
  onElements: (roots: Element[]) => void,
  /** Also report elements whose text or naming attributes changed (procedural rules read them). */
  readsText: boolean,
): void {
  let queued: Element[] = [];
  let frame = 0;

  const flush = () => {
    frame = 0;
    const roots = new Set(queued.filter((root) => root.isConnected));
    queued = [];
    onElements([...roots].filter((root) => !hasQueuedAncestor(root, roots)));
  };

  const observer = new MutationObserver((records) => {
    onMutation();
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.parentElement) queued.push(record.target.parentElement);
        continue;
      }
      if (record.type === 'attributes') {
        if (record.target instanceof Element) queued.push(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node instanceof Element) queued.push(node);
        else if (node.parentElement) queued.push(node.parentElement);
      }
    }
    if (queued.length > 0 && frame === 0) frame = requestAnimationFrame(flush);
  });
  const observe = () =>
    observer.observe(document, {
      childList: true,
      subtree: true,
      // A recycled row may change only its text or the attributes that name whom it shows.
      characterData: readsText,
      ...(readsText ? { attributeFilter: ['title', 'aria-label', 'href', 'src', 'alt'] } : {}),
    });
  if (readsText || document.readyState !== 'loading') observe();
  else {
    ctx.addEventListener(
      document,
      'readystatechange',
      () => {
        // The page may have changed its URL while it was parsed.
        onMutation();
        observe();
      },
      { once: true },
    );
  }
  ctx.onInvalidated(() => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  });
}
