/**
 * Adapters read markup the site may change at any time, so anything they throw is caught where
 * the engine called them: it never reaches the page's event loop, and the engine carries on
 * with the other rules. Each failure is passed to `onFailure`, which decides how often to report.
 */
export interface Guard {
  /** Runs adapter code; if it throws, returns `fallback` instead. */
  run<T>(work: () => T, fallback: T): T;
  /**
   * Like `Array.prototype.some`, for adapter code run over many items: an item whose visit
   * throws is skipped and the pass goes on with the next. One `try` per pass, not per item.
   */
  some<T>(items: ArrayLike<T>, visit: (item: T) => boolean): boolean;
}

export function createGuard(onFailure: () => void): Guard {
  return {
    run(work, fallback) {
      try {
        return work();
      } catch {
        onFailure();
        return fallback;
      }
    },
    some(items, visit) {
      let next = 0;
      while (next < items.length) {
        try {
          // `next` moves on before the visit, so a throw resumes after the item that threw.
          while (next < items.length) if (visit(items[next++]!)) return true;
        } catch {
          onFailure();
        }
      }
      return false;
    },
  };
}
