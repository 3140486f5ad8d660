import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Glance } from '@/lib/glance';
import type { Activity } from '@/lib/activities';
import { StreakHero, dayCount } from '@/components/StreakHero';
import { formatNumber } from '@/lib/i18n/format';
import { ActivityCard } from '@/components/ActivityCard';
import { ContactPanel } from './ContactPanel';
import { CoverageNotices } from './CoverageNotices';
import { WriteProblemNotice } from './WriteProblemNotice';
import { ManualUrge } from './ManualUrge';
import { Moments, openOptionsAt } from './Moments';
import { PauseNotice } from './PauseNotice';
import { PrivateWindowsNotice } from '@/components/PrivateWindowsNotice';
import { watchLocalDate } from './rollover';
import { sendMessage } from '@/lib/messaging';
import { describeWriteError, type WriteAction } from '@/lib/db/errors';

type LoadState = { status: 'loading' } | { status: 'ready'; glance: Glance } | { status: 'failed'; message: string };

export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [activity, setActivity] = useState<Activity>();
  const [doneMessage, setDoneMessage] = useState('');
  const [activityError, setActivityError] = useState('');

  const reload = async () => {
    try {
      const answer = await sendMessage('ui-bg-glance', {});
      setState({ status: 'ready', glance: answer.glance });
      setActivity((shown) => shown ?? answer.activity);
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  useEffect(() => {
    void reload();
    // A popup left open over midnight moves on to the new day: the streak grows, today's urges start at 0.
    return watchLocalDate(() => void reload(), { wakeTarget: window });
  }, []);

  const changeActivity = async (change: () => Promise<Activity>, message: string, action: WriteAction) => {
    try {
      const next = await change();
      setActivityError('');
      setDoneMessage(message);
      setActivity(next);
    } catch (error) {
      setDoneMessage('');
      setActivityError(describeWriteError(error, action));
    }
  };

  const openOptions = () => void browser.runtime.openOptionsPage();

  if (state.status === 'loading') return <main class="popup" aria-busy="true" />;
  if (state.status === 'failed') {
    return (
      <main class="popup">
        <p class="notice error" role="alert">
          {i18n.t('popup.loadFailed', [state.message])}
        </p>
      </main>
    );
  }

  const { people, urges, keptOutOfViewToday } = state.glance;
  const [primary, ...others] = people;

  return (
    <main class="popup">
      <header class="row popup-header">
        <h1 class="brand">Clean Break</h1>
        <button type="button" class="quiet" onClick={openOptions} aria-label={i18n.t('popup.openSettings')}>
          {i18n.t('popup.settings')}
        </button>
      </header>

      {primary === undefined ? (
        <section class="card stack" data-testid="setup">
          <h2>{i18n.t('popup.setupTitle')}</h2>
          <p class="muted">
            {i18n.t('popup.setupText')}
          </p>
          <button type="button" class="primary" onClick={openOptions}>
            {i18n.t('popup.setUp')}
          </button>
        </section>
      ) : (
        <>
          <PauseNotice />
          <CoverageNotices people={people.map((glance) => glance.person)} />
          <PrivateWindowsNotice closable />
          <WriteProblemNotice />
          <StreakHero name={primary.person.name} streak={primary.streak} />
          <Moments />
          {others.length > 0 && (
            <ul class="others small muted">
              {others.map(({ person, streak }) => (
                <li key={person.id}>
                  {i18n.t('popup.otherStreak', [person.name, dayCount(streak.current)])}
                </li>
              ))}
            </ul>
          )}
          <section class="card urges" aria-label={i18n.t('popup.urgesLabel')} data-testid="urges">
            <p>
              <strong class="urge-count" data-testid="urges-today">{formatNumber(urges.resistedToday)}</strong>{' '}
              {i18n.t('popup.urgesToday', urges.resistedToday)}
            </p>
            <p class="small muted">
              <span data-testid="urges-week">{formatNumber(urges.resistedThisWeek)}</span>{' '}
              {i18n.t('popup.thisWeek')}
            </p>
            {keptOutOfViewToday > 0 && (
              <p class="small muted" data-testid="kept-out-of-view">
                {i18n.t('popup.keptOutOfView', [formatNumber(keptOutOfViewToday)])}
              </p>
            )}
            <ManualUrge people={people} onLogged={reload} />
          </section>
          {people.some(({ streak }) => streak.progress.reached) && (
            <button type="button" class="quiet" onClick={() => openOptionsAt('reflection')} data-testid="reflect-link">
              {i18n.t('popup.reflect')}
            </button>
          )}
          {activity && (
            <ActivityCard
              activity={activity}
              doneMessage={doneMessage}
              onDone={() =>
                void changeActivity(
                  async () => (await sendMessage('ui-bg-activity-done', { activityId: activity.id, at: Date.now() })).next,
                  i18n.t('popup.activityLogged', [activity.title]),
                  'record',
                )
              }
              onAnother={() =>
                void changeActivity(
                  async () => (await sendMessage('ui-bg-activity-another', { excludeId: activity.id })).next,
                  '',
                  'save',
                )
              }
            />
          )}
          {activityError && (
            <p class="notice error" role="alert" data-testid="activity-error">
              {activityError}
            </p>
          )}
          <ContactPanel people={people} onRecorded={reload} />
        </>
      )}
    </main>
  );
}
