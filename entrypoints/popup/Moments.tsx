import { formatNumber } from '@/lib/i18n/format';
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import type { Moments as MomentsData } from '@/lib/db/insights';
import { milestoneName } from '@/components/StreakHero';

/** Opens a section of the options page in a tab (the options page reads its hash). */
export function openOptionsAt(section: 'progress' | 'reflection') {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
}

/**
 * The popup's quiet moments: the summary of last week on the first open of a new week, and a
 * milestone reached today until it is dismissed.
 */
export function Moments() {
  const [moments, setMoments] = useState<MomentsData>();
  const [celebrationShown, setCelebrationShown] = useState(true);

  useEffect(() => {
    // The popup works without them: a failure here shows nothing rather than an error.
    sendMessage('ui-bg-moments', {}).then(setMoments, () => undefined);
  }, []);

  if (!moments) return null;
  const { weekly, celebration } = moments;

  const dismiss = (key: string) => {
    setCelebrationShown(false);
    void sendMessage('ui-bg-dismiss-celebration', { key }).catch(() => undefined);
  };

  return (
    <>
      {celebration && celebrationShown && (
        <section class="card celebration" aria-label={i18n.t('moments.milestoneLabel')} data-testid="celebration">
          <p>
            <span aria-hidden="true" class="celebration-mark">
              ✦
            </span>{' '}
            <strong>{milestoneName(celebration.milestone)}</strong> {i18n.t('moments.celebration')}
          </p>
          <div class="row">
            <button type="button" class="quiet" onClick={() => dismiss(celebration.key)} data-testid="celebration-dismiss">
              {i18n.t('moments.thanks')}
            </button>
          </div>
        </section>
      )}
      {weekly && (
        <section class="card stack weekly" aria-labelledby="weekly-heading" data-testid="weekly-summary">
          <h2 id="weekly-heading" class="card-title">
            {i18n.t('moments.weeklyHeading')}
          </h2>
          <p class="small" data-testid="weekly-figures">
            {i18n.t('moments.weeklyFigures', [
              i18n.t('moments.urges', weekly.urges, [formatNumber(weekly.urges)]),
              formatNumber(weekly.previousUrges),
              i18n.t('moments.activitiesDone', weekly.activities, [formatNumber(weekly.activities)]),
            ])}
          </p>
          <p class="muted" data-testid="weekly-encouragement">
            {weekly.encouragement}
          </p>
          <div>
            <button type="button" class="quiet" onClick={() => openOptionsAt('progress')}>
              {i18n.t('moments.seeProgress')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
