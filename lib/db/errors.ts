/**
 * What a failed write means for the person using Clean Break. Every write is one transaction,
 * so a failed write has changed nothing: the messages say so.
 */

/** Error names and texts browsers and Dexie use when storage is full (Firefox: NS_ERROR_DOM_QUOTA_REACHED). */
const OUT_OF_SPACE = /QuotaExceeded|quota (has been |was )?(exceeded|reached)|QUOTA_REACHED|disk is full|full disk|no space left/i;

/** Errors nested inside another: Dexie's `inner`, the standard `cause`, and a bulk write's `failures`. */
function nestedErrors(error: object): unknown[] {
  const { inner, cause, failures } = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  return [inner, cause, ...(Array.isArray(failures) ? failures : [])];
}

/** Whether the write failed because the device (or the browser's share of it) is out of space. */
export function isOutOfSpace(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return typeof error === 'string' && OUT_OF_SPACE.test(error);
  const { name, message } = error as { name?: unknown; message?: unknown };
  if ([name, message].some((text) => typeof text === 'string' && OUT_OF_SPACE.test(text))) return true;
  return nestedErrors(error).some((nested) => isOutOfSpace(nested, depth + 1));
}

/** What the user was doing, for the first words of the message. */
export type WriteAction = 'save' | 'record' | 'remove' | 'import' | 'delete';

const FAILED: Record<WriteAction, string> = {
  save: "That couldn't be saved",
  record: "That couldn't be recorded",
  remove: "That couldn't be removed",
  import: "The backup couldn't be imported",
  delete: "Your data couldn't be deleted",
};

/** One calm message for a failed write: what happened, that nothing stored changed, what to do. */
export function describeWriteError(error: unknown, action: WriteAction = 'save'): string {
  return isOutOfSpace(error)
    ? `${FAILED[action]}: your device is out of space for Clean Break. Nothing already stored was changed. ` +
        'Free some space on this device, then try again.'
    : `${FAILED[action]} just now. Nothing already stored was changed; please try again.`;
}

/**
 * An error as it may cross extension messaging, which keeps only the message: a storage problem
 * keeps its name in the text, so the page that asked can still tell the user the device is full.
 */
export function portableWriteError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(isOutOfSpace(error) ? `QuotaExceededError: ${message}` : message);
}
