import { browser } from 'wxt/browser';
import { isOutOfSpace } from './errors';

/**
 * When the worker can't store something the user didn't ask for (an urge a page reported, a
 * count of hidden posts), nobody is there to tell. It leaves this note for the popup instead,
 * until a later write succeeds. The note holds no personal data: when, what kind, and why.
 */
export interface WriteProblem {
  at: number;
  what: ReportedWrite;
  reason: 'out-of-space' | 'other';
}

export type ReportedWrite = 'urge' | 'kept-out-of-view' | 'learned-key' | 'site-health';

const KEY = 'writeProblem';
const WRITES: readonly ReportedWrite[] = ['urge', 'kept-out-of-view', 'learned-key', 'site-health'];

function isWriteProblem(value: unknown): value is WriteProblem {
  const { at, what, reason } = (value ?? {}) as Partial<Record<keyof WriteProblem, unknown>>;
  return (
    typeof at === 'number' &&
    WRITES.includes(what as ReportedWrite) &&
    (reason === 'out-of-space' || reason === 'other')
  );
}

/** The note, if any. Local storage first; the in-memory session area holds it when the disk is too full even for that. */
export async function readWriteProblem(): Promise<WriteProblem | null> {
  for (const area of [browser.storage.local, browser.storage.session]) {
    const stored: unknown = (await area.get(KEY))[KEY];
    if (isWriteProblem(stored)) return stored;
  }
  return null;
}

export async function noteWriteProblem(what: ReportedWrite, error: unknown, now: number): Promise<void> {
  const problem: WriteProblem = { at: now, what, reason: isOutOfSpace(error) ? 'out-of-space' : 'other' };
  try {
    await browser.storage.local.set({ [KEY]: problem });
  } catch {
    await browser.storage.session.set({ [KEY]: problem }).catch(() => undefined);
  }
}

/** Called after every successful write; costs one read when there is nothing to clear. */
export async function clearWriteProblem(): Promise<void> {
  if ((await readWriteProblem()) === null) return;
  await Promise.all([browser.storage.local.remove(KEY), browser.storage.session.remove(KEY)]);
}

/**
 * Runs a write: a success clears the note an earlier failure left, a failure is handed to
 * `failed` (which notes it, reports it, or answers in its place).
 */
export async function storing<T>(write: () => Promise<T>, failed: (error: unknown) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await write();
  } catch (error) {
    return failed(error);
  }
  await clearWriteProblem().catch(() => undefined);
  return result;
}
