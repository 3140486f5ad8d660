import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Moves focus into a panel when it opens, and back to the button that opened it when it closes.
 * Without it the panel's own first button could take the opener's place under the focus, and a
 * second press of Enter meant for "I reached out to them" would restart the count.
 * `open` names the panel that is open, or is null.
 */
export function usePanelFocus(open: string | null) {
  const panel = useRef<HTMLElement>(null);
  const openers = useRef(new Map<string, HTMLElement>());
  const previous = useRef(open);
  // In the same commit as the panel, so no key press falls between the two.
  useLayoutEffect(() => {
    const was = previous.current;
    previous.current = open;
    if (open !== null && open !== was) panel.current?.focus();
    else if (open === null && was !== null) openers.current.get(was)?.focus();
  }, [open]);
  const openerRef = (name: string) => (element: HTMLElement | null) => {
    if (element) openers.current.set(name, element);
  };
  return { panel, openerRef };
}
