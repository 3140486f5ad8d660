/** Case, spacing, accents, curly quotes and the final full stop don't matter; the words do. */
const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();

/**
 * Whether the user typed the sentence shown before a weakening change goes ahead (a moment to hear
 * yourself say it). The sentence comes from the messages, so it is typed in the reader's language.
 */
export function commitmentTyped(typed: string, sentence: string): boolean {
  return normalize(typed) === normalize(sentence);
}

/** `9:05` for the time left, rounded up so it never reads 0:00 before the end. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
