import { browser } from 'wxt/browser';

/**
 * storage.local key that changes whenever who or what is hidden may have changed (an edit in
 * options, a person arriving by sync). Open tabs of the supported sites listen for it and ask
 * the worker for their rules again, so protection reaches them without a reload.
 */
export const SHIELD_REVISION_KEY = 'shieldRevision';

export async function bumpShieldRevision(now = Date.now()): Promise<void> {
  await browser.storage.local.set({ [SHIELD_REVISION_KEY]: now });
}
