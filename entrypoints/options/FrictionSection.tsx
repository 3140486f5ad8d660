import { useEffect, useState } from 'preact/hooks';
import { format, parseISO } from 'date-fns';
import { getDb } from '@/lib/db';
import { describeWriteError } from '@/lib/db/errors';
import { SITES } from '@/lib/model';
import { SITE_NAMES } from '@/lib/sites/names';
import { readGate, type Gate } from '@/lib/friction/gate';
import { cooldownUrl, type WeakeningAction } from '@/lib/friction/actions';
import { activePauses, withoutPause, type PauseLength, type PauseScope } from '@/lib/friction/pause';
import { readFriendCode, readProtectionPause, saveFriction, saveFriendCode, saveProtectionPause } from '@/lib/friction/store';
import { cooldownChangeAllowed, DEFAULT_COOLDOWN_MINUTES, MAX_COOLDOWN_MINUTES, type LateNight } from '@/lib/friction/rules';
import { hashFriendCode, newFriendCode } from '@/lib/friction/friend-code';
import { PrivateWindowsNotice } from '@/components/PrivateWindowsNotice';

/** Goes to the cooldown page in this tab; "Keep my protection" there comes back here. */
export function startCooldown(action: WeakeningAction): void {
  location.assign(cooldownUrl(action));
}

export function longDate(date: string): string {
  return format(parseISO(date), 'EEEE d MMMM yyyy');
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

interface State {
  gate: Gate;
  pauses: Array<{ scope: PauseScope; until: number }>;
  hasFriendCode: boolean;
}

/** Pausing, the cooldown, the lock, late-night mode and a trusted friend's code. */
export function FrictionSection({ revision }: { revision: number }) {
  const [state, setState] = useState<State>();
  const [scope, setScope] = useState<PauseScope>('everywhere');
  const [length, setLength] = useState<PauseLength>('hour');
  const [minutes, setMinutes] = useState('');
  const [confirmingLock, setConfirmingLock] = useState(false);
  const [shownCode, setShownCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const reload = async () => {
    const now = Date.now();
    const [gate, pause, code] = await Promise.all([readGate(getDb(), new Date(now)), readProtectionPause(), readFriendCode()]);
    setState({ gate, pauses: activePauses(pause, now), hasFriendCode: code !== null });
    setMinutes(String(gate.settings.cooldownMinutes));
  };
  useEffect(() => void reload(), [revision]);
  if (!state) return null;
  const { gate, pauses, hasFriendCode } = state;

  const run = async (write: () => Promise<unknown>, done?: string) => {
    try {
      await write();
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'save'), error: true });
    }
    setMessage(done ? { text: done } : undefined);
    await reload();
  };

  const resume = (which: PauseScope) =>
    run(async () => saveProtectionPause(withoutPause(await readProtectionPause(), which)), 'Protection is back on, in pages already open too.');

  const saveMinutes = (event: Event) => {
    event.preventDefault();
    const next = Number(minutes);
    if (!cooldownChangeAllowed(gate.settings.cooldownMinutes, next, gate.running)) {
      return setMessage({
        text: gate.running
          ? `While your goal is running, the wait can only grow: choose ${gate.settings.cooldownMinutes} to ${MAX_COOLDOWN_MINUTES} minutes.`
          : `Choose ${DEFAULT_COOLDOWN_MINUTES} to ${MAX_COOLDOWN_MINUTES} minutes.`,
        error: true,
      });
    }
    void run(() => saveFriction({ cooldownMinutes: next }), `Changes that lower protection now wait ${next} minutes.`);
  };

  const saveLateNight = (patch: Partial<LateNight>) =>
    void run(() => saveFriction({ lateNight: { ...gate.settings.lateNight, ...patch } }));

  const setFriendCode = async () => {
    const code = newFriendCode();
    try {
      await saveFriendCode(await hashFriendCode(code));
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'save'), error: true });
    }
    // Shown only once it is stored, and only this once.
    setShownCode(code);
    await reload();
  };

  const lockedUntil = gate.locked ? gate.settings.lockedUntil : null;
  const lockNote = lockedUntil && (
    <p class="small muted" data-testid="locked-note">
      Locked until {longDate(lockedUntil)}: protection can’t be paused until then. The lock ends by itself that day.
    </p>
  );

  return (
    <section class="stack" aria-labelledby="friction-heading">
      <h2 id="friction-heading">Protection that holds</h2>
      <PrivateWindowsNotice />

      <div class="card stack" data-testid="pause-card">
        <h3>Pause protection</h3>
        {pauses.map((pause) => (
          <div class="notice row" key={pause.scope} data-testid="active-pause">
            <span class="grow">
              Paused {pause.scope === 'everywhere' ? 'everywhere' : `on ${SITE_NAMES[pause.scope]}`} until{' '}
              {format(pause.until, 'HH:mm')}.
            </span>
            <button type="button" class="primary" onClick={() => void resume(pause.scope)}>
              Resume now
            </button>
          </div>
        ))}
        {lockedUntil ? (
          lockNote
        ) : (
          <>
            <p class="small muted">
              Pausing lets them show again. It waits {gate.cooldownMinutes === 1 ? '1 minute' : `${gate.cooldownMinutes} minutes`}{' '}
              first, on a page that stays open. Resuming is always instant.
            </p>
            <div class="row align-end">
              <label>
                Where
                <select value={scope} onChange={(event) => setScope(event.currentTarget.value as PauseScope)}>
                  <option value="everywhere">Everywhere</option>
                  {SITES.map((site) => (
                    <option key={site} value={site}>
                      {SITE_NAMES[site]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                For how long
                <select value={length} onChange={(event) => setLength(event.currentTarget.value as PauseLength)}>
                  <option value="hour">1 hour</option>
                  <option value="today">The rest of today</option>
                </select>
              </label>
              <button type="button" onClick={() => startCooldown({ kind: 'pause', scope, length })} data-testid="start-pause">
                Pause…
              </button>
            </div>
          </>
        )}
      </div>

      <div class="card stack">
        <h3>The wait before lowering protection</h3>
        <p class="small muted">
          Removing a person or an account, shortening the goal, pausing, or deleting your data first waits on a calm page
          that must stay open, then asks you to type a short sentence. Adding people or accounts and raising the goal are
          always instant.
          {gate.running ? ' While your goal is running, the wait can be made longer but not shorter.' : ''}
        </p>
        <form class="row align-end" onSubmit={saveMinutes} noValidate>
          <label>
            Wait, in minutes
            <input
              type="number"
              class="goal-input"
              name="cooldown-minutes"
              min={gate.running ? gate.settings.cooldownMinutes : DEFAULT_COOLDOWN_MINUTES}
              max={MAX_COOLDOWN_MINUTES}
              value={minutes}
              onInput={(event) => setMinutes(event.currentTarget.value)}
            />
          </label>
          <button type="submit">Save wait</button>
        </form>
        <label class="choice">
          <input
            type="checkbox"
            name="strict"
            checked={gate.settings.strictAfterGoal}
            onChange={(event) => void run(() => saveFriction({ strictAfterGoal: event.currentTarget.checked }))}
          />
          Keep the full wait after my goal date (otherwise it eases to 1 minute)
        </label>
        {!gate.running && gate.people.length > 0 && (
          <p class="small muted" data-testid="tapered-note">
            You’ve reached your goal date.{' '}
            {gate.settings.strictAfterGoal ? 'You chose to keep the full wait.' : 'The wait is now 1 minute.'}
          </p>
        )}
      </div>

      <div class="card stack" data-testid="lock-card">
        <h3>Lock until my goal date</h3>
        {lockedUntil ? (
          <p data-testid="lock-status">
            Locked until {longDate(lockedUntil)}. You can still add people and accounts; removing them, shortening the
            goal and pausing wait until then. The lock ends by itself that day.
          </p>
        ) : !gate.running || !gate.goalDate ? (
          <p class="small muted">Once you have a goal running, you can lock your protection until its date.</p>
        ) : confirmingLock ? (
          <div class="notice warn stack" role="group" aria-label="Before you lock">
            <p>
              Until {longDate(gate.goalDate)}, people and accounts can be added but not removed, the goal can’t get
              shorter, protection can’t be paused, and your data can’t be deleted or replaced. Nothing, not even a
              cooldown, can undo it early; it ends by itself on that day. Uninstalling the extension is still possible,
              as with any extension.
            </p>
            <div class="row">
              <button
                type="button"
                class="primary"
                data-testid="confirm-lock"
                onClick={() => {
                  setConfirmingLock(false);
                  void run(() => saveFriction({ lockedUntil: gate.goalDate }), 'Locked.');
                }}
              >
                Lock until {longDate(gate.goalDate)}
              </button>
              <button type="button" onClick={() => setConfirmingLock(false)}>
                Not now
              </button>
            </div>
          </div>
        ) : (
          <>
            <p class="small muted">For the nights you don’t trust yourself with the off switch. Optional.</p>
            <div>
              <button type="button" onClick={() => setConfirmingLock(true)} data-testid="start-lock">
                Lock…
              </button>
            </div>
          </>
        )}
      </div>

      <div class="card stack">
        <h3>Late-night mode</h3>
        <p class="small muted">
          Urges tend to peak late at night. In these hours, going on past the pause screen first takes 90 seconds of
          urge surfing: a slow breath, and your own reasons.
        </p>
        <label class="choice">
          <input
            type="checkbox"
            name="late-night"
            checked={gate.settings.lateNight.enabled}
            onChange={(event) => saveLateNight({ enabled: event.currentTarget.checked })}
          />
          Use late-night mode
        </label>
        <div class="row">
          <label>
            From
            <select
              name="late-night-start"
              value={gate.settings.lateNight.startHour}
              disabled={!gate.settings.lateNight.enabled}
              onChange={(event) => saveLateNight({ startHour: Number(event.currentTarget.value) })}
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Until
            <select
              name="late-night-end"
              value={gate.settings.lateNight.endHour}
              disabled={!gate.settings.lateNight.enabled}
              onChange={(event) => saveLateNight({ endHour: Number(event.currentTarget.value) })}
            >
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <div class="card stack" data-testid="friend-card">
        <h3>A trusted friend</h3>
        <p class="small muted">
          Optional. Give a code to a friend you trust; before your goal date, lowering protection then also asks for it.
          The code is checked on this device only and stored only in a scrambled (hashed) form.
        </p>
        {shownCode && (
          <div class="notice stack" role="status">
            <p>
              Your friend’s code: <strong class="friend-code" data-testid="friend-code">{shownCode}</strong>
            </p>
            <p class="small">
              Send it to your friend now. It won’t be shown again, and Clean Break can’t recover it. If it’s lost, the
              code stops being asked for after your goal date.
            </p>
            <div>
              <button type="button" onClick={() => setShownCode('')}>
                I’ve given it to them
              </button>
            </div>
          </div>
        )}
        {hasFriendCode ? (
          !shownCode && (
            <div class="row">
              <span class="grow" data-testid="friend-code-set">
                A friend code is set.
              </span>
              <button type="button" class="quiet" onClick={() => startCooldown({ kind: 'forget-friend-code' })}>
                Stop asking for it…
              </button>
            </div>
          )
        ) : (
          <div>
            <button type="button" onClick={() => void setFriendCode()} data-testid="set-friend-code">
              Make a friend code
            </button>
          </div>
        )}
      </div>

      {message && (
        <p class={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'} data-testid="friction-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
