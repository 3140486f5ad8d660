import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import type { Moments as MomentsData } from '@/lib/db/insights';
import { milestoneName } from '@/components/StreakHero';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

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
        <section class="card celebration" aria-label="Milestone" data-testid="celebration">
          <p>
            <span aria-hidden="true" class="celebration-mark">
              ✦
            </span>{' '}
            <strong>{milestoneName(celebration.milestone)}</strong> of space, as of today. Let yourself feel that.
          </p>
          <div class="row">
            <button type="button" class="quiet" onClick={() => dismiss(celebration.key)} data-testid="celebration-dismiss">
              Thanks
            </button>
          </div>
        </section>
      )}
      {weekly && (
        <section class="card stack weekly" aria-labelledby="weekly-heading" data-testid="weekly-summary">
          <h2 id="weekly-heading" class="card-title">
            Your last week
          </h2>
          <p class="small" data-testid="weekly-figures">
            {plural(weekly.urges, 'urge', 'urges')}, against {weekly.previousUrges} the week before ·{' '}
            {plural(weekly.activities, 'activity', 'activities')} done
          </p>
          <p class="muted" data-testid="weekly-encouragement">
            {weekly.encouragement}
          </p>
          <div>
            <button type="button" class="quiet" onClick={() => openOptionsAt('progress')}>
              See your progress
            </button>
          </div>
        </section>
      )}
    </>
  );
}
