import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseISO } from 'date-fns';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import { getDb, getReasons, setUrgeOutcome, slipTimes } from '@/lib/db';
import { logAttempt as logAttemptUrge } from '@/lib/friction/attempts';
import { describeWriteError } from '@/lib/db/errors';
import type { Person } from '@/lib/model';
import { summarize, type StreakSummary } from '@/lib/streak';
import { currentSuggestion } from '@/lib/activities/suggestion';
import { pickActivity, type Activity } from '@/lib/activities';
import { ActivityCard } from '@/components/ActivityCard';
import {
  ActionUnavailable,
  actionPersonId,
  attemptUrge,
  blockedByLock,
  describeAction,
  parseAction,
  performAction,
  WRITE_ACTION,
  type WeakeningAction,
} from '@/lib/friction/actions';
import { readGate, type Gate } from '@/lib/friction/gate';
import { friendCodeMatches } from '@/lib/friction/friend-code';
import { commitmentTyped, formatRemaining } from '@/lib/friction/commitment';
import { sendMessage } from '@/lib/messaging';

interface Loaded {
  action: WeakeningAction;
  what: string;
  gate: Gate;
  person?: Person;
  streak?: StreakSummary;
  reasons: string[];
  activity: Activity;
  urgeId?: number;
}

type State = { status: 'loading' } | { status: 'nothing' } | { status: 'ready'; loaded: Loaded } | { status: 'done'; what: string };

const rawAction = new URLSearchParams(location.search).get('action');
/** Typed in the reader's language: the words that make a change go ahead are ones they can say. */
const commitment = i18n.t('cooldown.commitment');
/** A reload keeps the same logged attempt (the tab's session storage), but starts the wait again. */
const URGE_MEMORY = `cooldown-urge:${rawAction ?? ''}`;

async function logAttempt(action: WeakeningAction, personId: number | undefined): Promise<number | undefined> {
  const remembered = Number(sessionStorage.getItem(URGE_MEMORY));
  if (Number.isInteger(remembered) && remembered > 0) return remembered;
  if (personId === undefined) return undefined;
  const urgeId = await logAttemptUrge(getDb(), attemptUrge(action, personId), Date.now());
  sessionStorage.setItem(URGE_MEMORY, String(urgeId));
  return urgeId;
}

async function load(): Promise<State> {
  const action = parseAction(rawAction);
  if (!action) return { status: 'nothing' };
  const db = getDb();
  const now = new Date();
  const gate = await readGate(db, now);
  const aboutId = actionPersonId(action);
  const person = aboutId === undefined ? gate.people[0] : gate.people.find((candidate) => candidate.id === aboutId);
  if (aboutId !== undefined && !person) return { status: 'nothing' };
  const streak =
    person?.id === undefined
      ? undefined
      : summarize({ noContactSince: person.noContactSince, slips: await slipTimes(db, person.id), goalDays: person.goalDays, now });
  const [reasons, activity, urgeId] = await Promise.all([
    getReasons(db),
    currentSuggestion(db, now).catch(() => pickActivity({ random: Math.random, hour: now.getHours() })),
    // An attempt that can't be logged (a full disk) still gets its cooldown.
    logAttempt(action, person?.id).catch(() => undefined),
  ]);
  return { status: 'ready', loaded: { action, what: describeAction(action, person), gate, person, streak, reasons, activity, urgeId } };
}

/**
 * A weakening change waits here: the wait runs only while this page is open, from when it
 * loaded (never from anything in the address), so closing or reloading it starts over.
 */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const started = useRef(0);
  const [elapsed, setElapsed] = useState(0);
  const [sentence, setSentence] = useState('');
  const [friendCode, setFriendCode] = useState('');
  const [problem, setProblem] = useState('');
  const [working, setWorking] = useState(false);

  useEffect(() => {
    void load()
      .then((next) => {
        started.current = performance.now();
        setState(next);
      })
      .catch(() => setState({ status: 'nothing' }));
  }, []);

  const loaded = state.status === 'ready' ? state.loaded : undefined;
  const totalMs = (loaded?.gate.cooldownMinutes ?? 0) * 60_000;
  const remainingMs = Math.max(0, totalMs - elapsed);
  const locked = loaded !== undefined && loaded.gate.locked && blockedByLock(loaded.action);
  const waiting = loaded !== undefined && !locked && remainingMs > 0;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setElapsed(performance.now() - started.current), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  const keepProtection = async () => {
    if (history.length > 1) return history.back();
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  };

  const complete = async (event: Event) => {
    event.preventDefault();
    if (!loaded || working) return;
    setWorking(true);
    try {
      // Everything is checked again here: the wait, the sentence, and a fresh read of the lock and the friend code.
      const gate = await readGate(getDb(), new Date());
      if (gate.locked && blockedByLock(loaded.action)) return setProblem(i18n.t('cooldown.locked'));
      if (performance.now() - started.current < totalMs) return setProblem(i18n.t('cooldown.notOver'));
      if (!commitmentTyped(sentence, commitment)) return setProblem(i18n.t('cooldown.typeExactly'));
      if (gate.friendCode && !(await friendCodeMatches(friendCode, gate.friendCode))) {
        return setProblem(i18n.t('cooldown.friendMismatch'));
      }
      await performAction(getDb(), loaded.action, new Date());
      if (loaded.urgeId !== undefined) await setUrgeOutcome(getDb(), loaded.urgeId, 'overrode').catch(() => undefined);
      sessionStorage.removeItem(URGE_MEMORY);
      // Done by now; a badge that failed to repaint catches up at its next alarm.
      await sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
      setState({ status: 'done', what: loaded.what });
    } catch (error) {
      setProblem(error instanceof ActionUnavailable ? error.message : describeWriteError(error, WRITE_ACTION[loaded.action.kind]));
    } finally {
      setWorking(false);
    }
  };

  if (state.status === 'loading') return <main class="shield" aria-busy="true" />;

  const settingsLink = (
    <a class="button" href={browser.runtime.getURL('/options.html')}>
      {i18n.t('cooldown.backToSettings')}
    </a>
  );

  if (state.status === 'nothing') {
    return (
      <main class="shield">
        <div class="shield-inner stack">
          <p class="brand">Clean Break</p>
          <h1 class="shield-line">{i18n.t('cooldown.nothing')}</h1>
          <div>{settingsLink}</div>
        </div>
      </main>
    );
  }

  if (state.status === 'done') {
    return (
      <main class="shield">
        <div class="shield-inner stack">
          <p class="brand">Clean Break</p>
          <h1 class="shield-line" data-testid="cooldown-done">
            {i18n.t('cooldown.done', [state.what.charAt(0).toLowerCase() + state.what.slice(1)])}
          </h1>
          <p class="muted">{i18n.t('cooldown.doneText')}</p>
          <div>{settingsLink}</div>
        </div>
      </main>
    );
  }

  const { what, gate, person, streak, reasons, activity } = state.loaded;
  const waitText = i18n.t('cooldown.minutes', gate.cooldownMinutes, [formatNumber(gate.cooldownMinutes)]);
  const untilText = gate.settings.lockedUntil ? formatDate(parseISO(gate.settings.lockedUntil), i18n.t('cooldown.untilDate')) : '';

  return (
    <main class="shield">
      <div class="shield-inner stack">
        <p class="brand">Clean Break</p>
        <p class="muted small">{i18n.t('cooldown.youAskedTo')}</p>
        <h1 class="shield-line" data-testid="cooldown-what">
          {what}
        </h1>
        {streak && person && (
          <p class="shield-day" data-testid="cooldown-streak">
            {i18n.t('cooldown.streak', [formatNumber(streak.current), formatNumber(streak.progress.goalDays), person.name])}
          </p>
        )}

        {locked ? (
          <p class="notice stack" data-testid="cooldown-locked">
            {i18n.t('cooldown.lockedText', [untilText])}
          </p>
        ) : (
          <>
            <section class="card stack" aria-labelledby="wait-heading">
              <h2 id="wait-heading" class="small muted">
                {i18n.t('cooldown.waitHeading')}
              </h2>
              <p>{i18n.t('cooldown.waitText', [waitText])}</p>
              {/* Quiet while counting; says once, politely, when the wait is over. */}
              <p class="countdown" role="timer" aria-live={remainingMs > 0 ? 'off' : 'polite'} data-testid="cooldown-remaining">
                {remainingMs > 0 ? i18n.t('cooldown.left', [formatRemaining(remainingMs)]) : i18n.t('cooldown.over')}
              </p>
              <div class="progress" aria-hidden="true">
                <span style={{ width: `${Math.round((1 - remainingMs / Math.max(1, totalMs)) * 100)}%` }} />
              </div>
            </section>

            <ActivityCard activity={activity} />
            {reasons.length > 0 && (
              <section class="card" aria-labelledby="reasons-heading">
                <h2 id="reasons-heading" class="small muted">
                  {i18n.t('cooldown.reasonsHeading')}
                </h2>
                <ul class="reasons">
                  {reasons.map((reason, index) => (
                    <li key={index}>{reason}</li>
                  ))}
                </ul>
              </section>
            )}

            {remainingMs === 0 && (
              <form class="card stack" onSubmit={(event) => void complete(event)} noValidate data-testid="cooldown-confirm">
                <label>
                  {i18n.t('cooldown.typeToGo', [commitment])}
                  <input
                    name="commitment"
                    autoComplete="off"
                    value={sentence}
                    onInput={(event) => {
                      setSentence(event.currentTarget.value);
                      setProblem('');
                    }}
                  />
                </label>
                {gate.friendCode && (
                  <label>
                    {i18n.t('cooldown.friendCode')}
                    <input
                      name="friend-code"
                      autoComplete="off"
                      value={friendCode}
                      onInput={(event) => {
                        setFriendCode(event.currentTarget.value);
                        setProblem('');
                      }}
                    />
                  </label>
                )}
                {problem && (
                  <p class="notice error" role="alert" data-testid="cooldown-problem">
                    {problem}
                  </p>
                )}
                <div>
                  <button type="submit" disabled={working || !commitmentTyped(sentence, commitment)} data-testid="cooldown-go">
                    {what}
                  </button>
                </div>
              </form>
            )}
          </>
        )}

        <div class="row shield-actions">
          <button type="button" class="primary" autoFocus onClick={() => void keepProtection()} data-testid="keep-protection">
            {i18n.t('cooldown.keep')}
          </button>
        </div>
      </div>
    </main>
  );
}
