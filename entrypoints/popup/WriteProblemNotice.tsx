import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSameDay } from 'date-fns';
import { formatDate } from '@/lib/i18n/format';
import { readWriteProblem, type ReportedWrite, type WriteProblem } from '@/lib/db/write-problems';

function describeWhat(what: ReportedWrite): string {
  switch (what) {
    case 'urge':
      return i18n.t('writeProblem.what.urge');
    case 'kept-out-of-view':
      return i18n.t('writeProblem.what.keptOutOfView');
    case 'learned-key':
      return i18n.t('writeProblem.what.learnedKey');
    case 'site-health':
      return i18n.t('writeProblem.what.siteHealth');
  }
}

export function writeProblemText({ at, what, reason }: WriteProblem, now: Date): string {
  const when = formatDate(at, isSameDay(at, now) ? i18n.t('writeProblem.whenToday') : i18n.t('writeProblem.whenEarlier'));
  const start = i18n.t('writeProblem.couldNotSave', [describeWhat(what), when]);
  const end = i18n.t('writeProblem.stillSafe');
  return reason === 'out-of-space'
    ? `${start}: ${i18n.t('writeProblem.outOfSpace')} ${end}`
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
