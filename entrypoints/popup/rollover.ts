import { localDateOf, nextLocalMidnight } from '@/lib/streak';

/**
 * Timers run on elapsed time, not on the wall clock: after the clock or the time zone changes,
 * a timer set for midnight fires at the wrong moment. Waking at least this often catches that.
 */
export const MAX_WAIT_MS = 60_000;

export interface RolloverOptions {
  now?: () => Date;
  /** Receives `focus` and `visibilitychange` (which bubbles up from the document): the popup's window. */
  wakeTarget?: EventTarget;
}

/**
 * Calls `onNewDay` whenever the local date is no longer the one the popup shows: at local
 * midnight, after the clock or time zone moved, and when the popup is looked at again.
 * Returns a function that stops watching.
 */
export function watchLocalDate(onNewDay: () => void, { now = () => new Date(), wakeTarget }: RolloverOptions = {}): () => void {
  let shown = localDateOf(now());
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    const today = localDateOf(now());
    if (today === shown) return;
    shown = today;
    onNewDay();
  };
  const arm = () => {
    const current = now();
    const untilMidnight = nextLocalMidnight(current).getTime() - current.getTime();
    timer = setTimeout(() => {
      check();
      arm();
    }, Math.min(untilMidnight, MAX_WAIT_MS));
  };

  arm();
  wakeTarget?.addEventListener('focus', check);
  wakeTarget?.addEventListener('visibilitychange', check);
  return () => {
    clearTimeout(timer);
    wakeTarget?.removeEventListener('focus', check);
    wakeTarget?.removeEventListener('visibilitychange', check);
  };
}
