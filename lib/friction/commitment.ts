/** The sentence typed before a weakening change goes ahead: a moment to hear yourself say it. */
export const COMMITMENT = 'I am making this choice with care.';

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').replace(/[’‘]/g, "'").toLowerCase();

/** Case, spacing and the final full stop don't matter; the words do. */
export function commitmentTyped(typed: string): boolean {
  return normalize(typed) === normalize(COMMITMENT);
}

/** `9:05` for the time left, rounded up so it never reads 0:00 before the end. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
