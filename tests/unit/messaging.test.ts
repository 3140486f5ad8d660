import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Answers with `answers` in turn: an Error is thrown as the browser would reject. */
function scriptedWorker(...answers: unknown[]) {
  return vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => {
    const next = answers.shift();
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }) as never);
}

const report = { personId: 1, site: 'x', surface: 'profile', outcome: 'resisted', at: 1 } as const;

describe('sendMessage', () => {
  it('sends again when the worker stopped before answering, until it answers', async () => {
    vi.useFakeTimers();
    const send = scriptedWorker(
      new Error('Could not establish connection. Receiving end does not exist.'),
      new Error('The message port closed before a response was received.'),
      { urgeId: 7 },
    );
    const answer = sendMessage('cs-bg-log-urge', report);
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ urgeId: 7 });
    expect(send).toHaveBeenCalledTimes(3);
    // Every attempt is the same message, so the worker can recognise a repeat by its time.
    for (const [message] of send.mock.calls) expect(message).toEqual({ name: 'cs-bg-log-urge', data: report });
  });

  it('sends again when the answer is empty, as the polyfill reports a worker stopped mid-answer', async () => {
    vi.useFakeTimers();
    const send = scriptedWorker(undefined, { urgeId: 5 });
    const answer = sendMessage('cs-bg-log-urge', report);
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ urgeId: 5 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after a few seconds of a worker that never answers', async () => {
    vi.useFakeTimers();
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    const send = scriptedWorker(...Array.from({ length: 20 }, () => gone));
    const answer = sendMessage('cs-bg-log-urge', report);
    const settled = expect(answer).rejects.toBe(gone);
    await vi.runAllTimersAsync();
    await settled;
    expect(send).toHaveBeenCalledTimes(6);
  });

  it('sends again when an attempt is left without any answer', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((() => {
      calls += 1;
      // The first attempt meets a worker stopped mid-answer: its promise never settles.
      return calls === 1 ? new Promise(() => undefined) : Promise.resolve({ urgeId: 3 });
    }) as never);
    const answer = sendMessage('cs-bg-log-urge', report);
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ urgeId: 3 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a message the worker answered with an error', async () => {
    const refused = new Error('Malformed urge report.');
    const send = scriptedWorker(refused, { urgeId: 1 });
    await expect(sendMessage('cs-bg-log-urge', report)).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
