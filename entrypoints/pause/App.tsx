import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb, getReasons, setUrgeOutcome, slipTimes } from '@/lib/db';
import { describeWriteError } from '@/lib/db/errors';
import { isPageUrge, type PageSurface, type PageUrge } from '@/lib/model';
import { summarize, type StreakSummary } from '@/lib/streak';
import { currentSuggestion } from '@/lib/activities/suggestion';
import { pickActivity, type Activity } from '@/lib/activities';
import { ActivityCard } from '@/components/ActivityCard';
import { adapterFor, adapterForHost } from '@/lib/sites';
import { grantPass, PASS_MS } from '@/lib/shield/passes';
import { HoldButton } from './HoldButton';
import { UrgeSurf } from './UrgeSurf';
import { readFriction } from '@/lib/friction/store';
import { inLateNight } from '@/lib/friction/rules';

function calmLine(surface: PageSurface): string {
  switch (surface) {
    case 'profile':
      return i18n.t('pause.calm.profile');
    case 'story':
      return i18n.t('pause.calm.story');
    case 'message':
      return i18n.t('pause.calm.message');
    case 'search':
      return i18n.t('pause.calm.search');
    case 'post':
      return i18n.t('pause.calm.post');
  }
}

interface Loaded {
  urge: PageUrge;
  streak: StreakSummary;
  reasons: string[];
  activity: Activity;
  /** In the user's late-night hours, going on first takes the urge-surfing timer. */
  lateNight: boolean;
}

/** Only pages of a supported site can be continued to: never an arbitrary or script URL. */
function safeDestination(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && adapterForHost(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

export function App() {
  const params = new URLSearchParams(location.search);
  const urgeId = Number(params.get('urge'));
  const destination = safeDestination(params.get('to'));
  const [loaded, setLoaded] = useState<Loaded | null>();
  const [failure, setFailure] = useState('');
  const [surf, setSurf] = useState<'not-started' | 'surfing' | 'surfed'>('not-started');

  useEffect(() => {
    void (async () => {
      const db = getDb();
      const urge = Number.isInteger(urgeId) ? await db.urges.get(urgeId) : undefined;
      const person = urge && (await db.people.get(urge.personId));
      if (!urge || !isPageUrge(urge) || !person) return setLoaded(null);
      const now = new Date();
      setLoaded({
        urge,
        streak: summarize({ noContactSince: person.noContactSince, slips: await slipTimes(db, urge.personId), goalDays: person.goalDays, now }),
        reasons: await getReasons(db),
        // Choosing a first suggestion stores it; a device too full for that still gets one.
        activity: await currentSuggestion(db, now).catch(() => pickActivity({ random: Math.random, hour: now.getHours() })),
        lateNight: inLateNight((await readFriction()).lateNight, now),
      });
    })().catch(() => setLoaded(null));
  }, [urgeId]);

  const home = loaded ? adapterFor(loaded.urge.site)?.home : undefined;
  const goBack = () => {
    if (history.length > 1) history.back();
    else if (home) location.replace(home);
    else window.close();
  };

  const continueAnyway = async () => {
    if (!loaded || !destination) return;
    try {
      const tab = await browser.tabs.getCurrent();
      await setUrgeOutcome(getDb(), urgeId, 'overrode');
      if (tab?.id !== undefined) await grantPass(tab.id, loaded.urge.site, loaded.urge.personId, Date.now());
    } catch (error) {
      // Without the record (or the pass) the shield would only come back: stay here and say why.
      return setFailure(describeWriteError(error, 'record'));
    }
    location.replace(destination);
  };

  if (loaded === undefined) return <main class="shield" aria-busy="true" />;

  return (
    <main class="shield">
      <div class="shield-inner stack">
        <p class="brand">Clean Break</p>
        {loaded ? (
          <>
            <p class="shield-day" data-testid="shield-day">
              {i18n.t('pause.day', [loaded.streak.current, loaded.streak.progress.goalDays])}
            </p>
            <h1 class="shield-line">{calmLine(loaded.urge.surface)}</h1>
            <ActivityCard activity={loaded.activity} />
            {/* While surfing, the reasons sit beside the breath instead. */}
            {loaded.reasons.length > 0 && !(loaded.lateNight && surf === 'surfing') && (
              <section class="card" aria-labelledby="reasons-heading">
                <h2 id="reasons-heading" class="small muted">
                  {i18n.t('pause.reasonsHeading')}
                </h2>
                <ul class="reasons" data-testid="reasons">
                  {loaded.reasons.map((reason, index) => (
                    <li key={index}>{reason}</li>
                  ))}
                </ul>
              </section>
            )}
          </>
        ) : (
          <h1 class="shield-line">{i18n.t('pause.paused')}</h1>
        )}
        {failure && (
          <p class="notice error" role="alert" data-testid="pause-error">
            {failure}
          </p>
        )}
        {loaded?.lateNight && surf === 'surfing' && <UrgeSurf reasons={loaded.reasons} onDone={() => setSurf('surfed')} />}
        <div class="row shield-actions">
          <button type="button" class="primary" autoFocus onClick={goBack} data-testid="go-back">
            {i18n.t('pause.goBack')}
          </button>
          {loaded && destination && loaded.lateNight && surf === 'not-started' && (
            <button type="button" class="quiet" onClick={() => setSurf('surfing')} data-testid="start-urge-surf">
              {i18n.t('pause.continueAnywayMore')}
            </button>
          )}
          {loaded && destination && (!loaded.lateNight || surf === 'surfed') && (
            <HoldButton seconds={3} passMinutes={PASS_MS / 60_000} onHeld={() => void continueAnyway()} />
          )}
        </div>
      </div>
    </main>
  );
}
