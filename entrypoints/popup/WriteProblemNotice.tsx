import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { format, isSameDay } from 'date-fns';
import { readWriteProblem, type ReportedWrite, type WriteProblem } from '@/lib/db/write-problems';

const WHAT: Record<ReportedWrite, string> = {
  urge: 'an urge you resisted',
  'kept-out-of-view': 'a count of their posts kept out of view',
  'learned-key': 'a detail that helps hide their chats',
  'site-health': 'a check of how a site is built',
};

export function writeProblemText({ at, what, reason }: WriteProblem, now: Date): string {
  const when = isSameDay(at, now) ? format(at, "'at' p") : format(at, "'on' PP 'at' p");
  const start = `Clean Break couldn't save ${WHAT[what]} ${when}`;
  const end = 'Everything saved before is safe, and hiding keeps working. This note goes away once saving works again.';
  return reason === 'out-of-space'
    ? `${start}: your device is out of space for Clean Break. Free some space on this device. ${end}`
    : `${start}. ${end}`;
}

/** Says when the worker couldn't store something nobody was looking at, until a later write succeeds. */
export function WriteProblemNotice() {
  const [problem, setProblem] = useState<WriteProblem | null>(null);

  useEffect(() => {
    const check = () => void readWriteProblem().then(setProblem, () => setProblem(null));
    check();
    browser.storage.onChanged.addListener(check);
    return () => browser.storage.onChanged.removeListener(check);
  }, []);

  if (problem === null) return null;
  return (
    <p class="notice warn" role="status" data-testid="write-problem-notice">
      {writeProblemText(problem, new Date())}
    </p>
  );
}
