/**
 * What a failed write means for the person using Clean Break. Every write is one transaction,
 * so a failed write has changed nothing: the messages say so.
 */
import { i18n } from '#i18n';

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

function failed(action: WriteAction): string {
  switch (action) {
    case 'save':
      return i18n.t('writeError.failed.save');
    case 'record':
      return i18n.t('writeError.failed.record');
    case 'remove':
      return i18n.t('writeError.failed.remove');
    case 'import':
      return i18n.t('writeError.failed.import');
    case 'delete':
      return i18n.t('writeError.failed.delete');
  }
}

/** One calm message for a failed write: what happened, that nothing stored changed, what to do. */
export function describeWriteError(error: unknown, action: WriteAction = 'save'): string {
  return isOutOfSpace(error)
    ? i18n.t('writeError.outOfSpace', [failed(action)])
    : i18n.t('writeError.other', [failed(action)]);
}

/**
 * An error as it may cross extension messaging, which keeps only the message: a storage problem
 * keeps its name in the text, so the page that asked can still tell the user the device is full.
 */
export function portableWriteError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(isOutOfSpace(error) ? `QuotaExceededError: ${message}` : message);
}
