import { browser, type Browser } from 'wxt/browser';
import type { UrgeReport } from '../db';
import type { ShieldHello } from '../shield/hello';
import type { Glance } from '../glance';
import type { Activity } from '../activities';
import type { ContactKind, Intensity } from '../model';
import type { Moments } from '../db/insights';
import type { SyncRecord } from '../sync';
import type { HeldChange } from '../sync/merge';

/** Sent with writes so a retried request is recognised as the same event (epoch ms). */
interface At {
  at: number;
}

/**
 * Every message in the extension. Names say the direction: `cs-bg-…` from a content script to
 * the background worker, `ui-bg-…` from an extension page (popup, options, shield).
 */
export interface Protocol {
  /** `again`: asked by an open page after a change, rather than by a page starting. */
  'cs-bg-shield-hello': { request: { again?: boolean }; response: ShieldHello };
  'cs-bg-log-urge': { request: UrgeReport & At; response: { urgeId: number } };
  'cs-bg-kept-out-of-view': { request: { count: number }; response: { stored: boolean } };
  'cs-bg-health': { request: { healthy: boolean }; response: { stored: boolean } };
  'cs-bg-learn': { request: { key: string; personId: number }; response: { stored: boolean } };
  'ui-bg-data-changed': { request: Record<string, never>; response: { badge: string } };
  // The popup reads and writes through the worker, so it loads no database code of its own.
  'ui-bg-glance': { request: Record<string, never>; response: { glance: Glance; activity: Activity } };
  'ui-bg-activity-done': { request: { activityId: string } & At; response: { next: Activity } };
  'ui-bg-activity-another': { request: { excludeId: string }; response: { next: Activity } };
  'ui-bg-record-contact': {
    request: { personId: number; kind: ContactKind; note: string } & At;
    response: { badge: string };
  };
  'ui-bg-sync-state': { request: Record<string, never>; response: SyncView };
  'ui-bg-sync-set': { request: { enabled: boolean }; response: SyncView };
  'ui-bg-sync-keep': { request: { change: HeldChange }; response: SyncView };
  'ui-bg-log-manual-urge': {
    request: { personId: number; intensity?: Intensity; note?: string } & At;
    response: { urgeId: number };
  };
  /** The weekly summary (first open of a week only) and a milestone reached today. */
  'ui-bg-moments': { request: Record<string, never>; response: Moments };
  'ui-bg-dismiss-celebration': { request: { key: string }; response: { stored: boolean } };
}

/** What the options page shows of sync: never the synced data itself. */
export type SyncView = Pick<SyncRecord, 'enabled' | 'held' | 'last'>;

export type MessageName = keyof Protocol;
interface Envelope<K extends MessageName> {
  name: K;
  data: Protocol[K]['request'];
}

/** Waits between attempts when the worker was stopping or starting: about 3.6 s in all. */
const RETRY_DELAYS_MS = [50, 150, 400, 1_000, 2_000];

/** A worker stopped mid-answer can leave the sender waiting for good: an attempt ends after this. */
const ATTEMPT_TIMEOUT_MS = 2_000;
const NO_ANSWER = 'No answer from the background worker.';

/** Errors that mean the message never reached a live worker or its answer was lost on the way. */
const UNDELIVERED = /could not establish connection|receiving end does not exist|message port closed|message channel closed|message manager disconnected|no answer from the background worker/i;

async function sendOnce(envelope: unknown): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(NO_ANSWER)), ATTEMPT_TIMEOUT_MS);
  });
  const answer = await Promise.race([browser.runtime.sendMessage(envelope), timeout]).finally(() => clearTimeout(timer));
  // Every handler answers with an object. Nothing at all means the worker stopped before it
  // answered: webextension-polyfill turns Chromium's "message port closed" into `undefined`.
  if (answer === undefined) throw new Error(NO_ANSWER);
  return answer;
}

/**
 * Sends a message to the worker and waits for its answer. An MV3 worker may stop at any moment;
 * a message it did not answer is sent again. Every handler is idempotent for a repeat (writes
 * carry the event's own time), so a retry never records anything twice.
 */
export async function sendMessage<K extends MessageName>(
  name: K,
  data: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  const envelope: Envelope<K> = { name, data };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await sendOnce(envelope)) as Protocol[K]['response'];
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !UNDELIVERED.test(String(error))) throw error;
      await new Promise((resume) => setTimeout(resume, delay));
    }
  }
}

export type Handlers = {
  [K in MessageName]: (
    data: Protocol[K]['request'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<Protocol[K]['response']>;
};

function isEnvelope(message: unknown, handlers: Handlers): message is Envelope<MessageName> {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { name?: unknown }).name === 'string' &&
    Object.hasOwn(handlers, (message as { name: string }).name)
  );
}

/** Routes each message to its handler; unknown messages are left for other listeners. */
export function onMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message, handlers)) return undefined;
    const handler = handlers[message.name] as (data: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
    return handler(message.data, sender);
  });
}
