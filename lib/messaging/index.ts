import { browser, type Browser } from 'wxt/browser';
import type { UrgeReport } from '../db';
import type { ShieldHello } from '../shield/hello';

/**
 * Every message in the extension. Names say the direction: `cs-bg-…` from a content script to
 * the background worker, `ui-bg-…` from an extension page (popup, options, shield).
 */
export interface Protocol {
  'cs-bg-shield-hello': { request: Record<string, never>; response: ShieldHello };
  'cs-bg-log-urge': { request: UrgeReport; response: { urgeId: number } };
  'cs-bg-kept-out-of-view': { request: { count: number }; response: { stored: boolean } };
  'cs-bg-health': { request: { healthy: boolean }; response: { stored: boolean } };
  'cs-bg-learn': { request: { key: string; personId: number }; response: { stored: boolean } };
  'ui-bg-data-changed': { request: Record<string, never>; response: { badge: string } };
}

export type MessageName = keyof Protocol;
interface Envelope<K extends MessageName> {
  name: K;
  data: Protocol[K]['request'];
}

export function sendMessage<K extends MessageName>(
  name: K,
  data: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  const envelope: Envelope<K> = { name, data };
  return browser.runtime.sendMessage(envelope) as Promise<Protocol[K]['response']>;
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
