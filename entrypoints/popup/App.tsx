import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Glance } from '@/lib/glance';
import type { Activity } from '@/lib/activities';
import { StreakHero, dayWord } from '@/components/StreakHero';
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
          Clean Break couldn't read its data just now ({state.message}). Your data has not been changed. Close
          this window and open it again.
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
        <button type="button" class="quiet" onClick={openOptions} aria-label="Open settings">
          Settings
        </button>
      </header>

      {primary === undefined ? (
        <section class="card stack" data-testid="setup">
          <h2>Take the space you need</h2>
          <p class="muted">
            Tell Clean Break who you're taking a break from. It will keep them out of view on social sites and count
            your days of no contact.
          </p>
          <button type="button" class="primary" onClick={openOptions}>
            Set up
          </button>
        </section>
      ) : (
        <>
          <PauseNotice />
          <CoverageNotices people={people.map((glance) => glance.person)} />
          <PrivateWindowsNotice />
          <WriteProblemNotice />
          <StreakHero name={primary.person.name} streak={primary.streak} />
          <Moments />
          {others.length > 0 && (
            <ul class="others small muted">
              {others.map(({ person, streak }) => (
                <li key={person.id}>
                  {person.name}: {streak.current} {dayWord(streak.current)}
                </li>
              ))}
            </ul>
          )}
          <section class="card urges" aria-label="Urges resisted" data-testid="urges">
            <p>
              <strong class="urge-count" data-testid="urges-today">{urges.resistedToday}</strong>{' '}
              {urges.resistedToday === 1 ? 'urge' : 'urges'} resisted today
            </p>
            <p class="small muted">
              <span data-testid="urges-week">{urges.resistedThisWeek}</span> this week. Each one is a moment you chose
              yourself.
            </p>
            {keptOutOfViewToday > 0 && (
              <p class="small muted" data-testid="kept-out-of-view">
                {keptOutOfViewToday} of their posts and messages kept out of view today.
              </p>
            )}
            <ManualUrge people={people} onLogged={reload} />
          </section>
          {people.some(({ streak }) => streak.progress.reached) && (
            <button type="button" class="quiet" onClick={() => openOptionsAt('reflection')} data-testid="reflect-link">
              You reached your goal. Reflect on it, in your own time
            </button>
          )}
          {activity && (
            <ActivityCard
              activity={activity}
              doneMessage={doneMessage}
              onDone={() =>
                void changeActivity(
                  async () => (await sendMessage('ui-bg-activity-done', { activityId: activity.id, at: Date.now() })).next,
                  `Nice. “${activity.title}” is logged.`,
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
