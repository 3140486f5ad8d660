/**
 * A trusted friend's code: made here, shown once, kept only as a salted PBKDF2 hash, and checked
 * on this device. No server ever sees it.
 */

/** No 0/O, 1/I/L: easy to read out over the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const ITERATIONS = 100_000;

export interface StoredFriendCode {
  /** Base64 of 16 random bytes. */
  salt: string;
  /** Base64 of the PBKDF2-SHA-256 derivation of the normalised code. */
  hash: string;
}

/** A fresh code such as `K7PM-Q2XD`. Bytes from 248 up are skipped so each of the 31 letters is equally likely. */
export function newFriendCode(): string {
  const chars: string[] = [];
  while (chars.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < 248 && chars.length < CODE_LENGTH) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What the friend types is compared without case, spaces or dashes. */
export function normalizeFriendCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

async function derive(code: string, salt: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(normalizeFriendCode(code)), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS }, key, 256);
  return toBase64(new Uint8Array(bits));
}

export async function hashFriendCode(code: string): Promise<StoredFriendCode> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: await derive(code, salt) };
}

export async function friendCodeMatches(typed: string, stored: StoredFriendCode): Promise<boolean> {
  return (await derive(typed, fromBase64(stored.salt))) === stored.hash;
}

export function isStoredFriendCode(value: unknown): value is StoredFriendCode {
  const candidate = value as StoredFriendCode | null;
  return typeof candidate?.salt === 'string' && typeof candidate.hash === 'string';
}
