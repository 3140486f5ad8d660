import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { parseISO } from 'date-fns';
import { formatDate, formatNumber } from '@/lib/i18n/format';
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
import { HourSelect } from './HourSelect';

/** Goes to the cooldown page in this tab; "Keep my protection" there comes back here. */
export function startCooldown(action: WeakeningAction): void {
  location.assign(cooldownUrl(action));
}

export function longDate(date: string): string {
  return formatDate(parseISO(date), i18n.t('options.longDate'));
}

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
    run(async () => saveProtectionPause(withoutPause(await readProtectionPause(), which)), i18n.t('options.friction.resumed'));

  const saveMinutes = (event: Event) => {
    event.preventDefault();
    const next = Number(minutes);
    if (!cooldownChangeAllowed(gate.settings.cooldownMinutes, next, gate.running)) {
      return setMessage({
        text: gate.running
          ? i18n.t('options.friction.onlyGrow', [formatNumber(gate.settings.cooldownMinutes), formatNumber(MAX_COOLDOWN_MINUTES)])
          : i18n.t('options.friction.chooseMinutes', [formatNumber(DEFAULT_COOLDOWN_MINUTES), formatNumber(MAX_COOLDOWN_MINUTES)]),
        error: true,
      });
    }
    void run(() => saveFriction({ cooldownMinutes: next }), i18n.t('options.friction.nowWait', [formatNumber(next)]));
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
      {i18n.t('options.friction.lockNote', [longDate(lockedUntil)])}
    </p>
  );

  return (
    <section class="stack" aria-labelledby="friction-heading">
      <h2 id="friction-heading">{i18n.t('options.friction.heading')}</h2>
      <PrivateWindowsNotice />

      <div class="card stack" data-testid="pause-card">
        <h3>{i18n.t('options.friction.pauseHeading')}</h3>
        {pauses.map((pause) => (
          <div class="notice row" key={pause.scope} data-testid="active-pause">
            <span class="grow">
              {pause.scope === 'everywhere'
                ? i18n.t('options.friction.pausedEverywhere', [formatDate(pause.until, 'HH:mm')])
                : i18n.t('options.friction.pausedOnSite', [SITE_NAMES[pause.scope], formatDate(pause.until, 'HH:mm')])}
            </span>
            <button type="button" class="primary" onClick={() => void resume(pause.scope)}>
              {i18n.t('options.friction.resume')}
            </button>
          </div>
        ))}
        {lockedUntil ? (
          lockNote
        ) : (
          <>
            <p class="small muted">
              {i18n.t('options.friction.pauseWaits', gate.cooldownMinutes, [formatNumber(gate.cooldownMinutes)])}
            </p>
            <div class="row align-end">
              <label>
                {i18n.t('options.friction.where')}
                <select value={scope} onChange={(event) => setScope(event.currentTarget.value as PauseScope)}>
                  <option value="everywhere">{i18n.t('options.friction.everywhere')}</option>
                  {SITES.map((site) => (
                    <option key={site} value={site}>
                      {SITE_NAMES[site]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {i18n.t('options.friction.howLong')}
                <select value={length} onChange={(event) => setLength(event.currentTarget.value as PauseLength)}>
                  <option value="hour">{i18n.t('options.friction.hour')}</option>
                  <option value="today">{i18n.t('options.friction.today')}</option>
                </select>
              </label>
              <button type="button" onClick={() => startCooldown({ kind: 'pause', scope, length })} data-testid="start-pause">
                {i18n.t('options.friction.pause')}
              </button>
            </div>
          </>
        )}
      </div>

      <div class="card stack">
        <h3>{i18n.t('options.friction.waitHeading')}</h3>
        <p class="small muted">
          {i18n.t('options.friction.waitText')}
          {gate.running ? ` ${i18n.t('options.friction.waitRunning')}` : ''}
        </p>
        <form class="row align-end" onSubmit={saveMinutes} noValidate>
          <label>
            {i18n.t('options.friction.waitMinutes')}
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
          <button type="submit">{i18n.t('options.friction.saveWait')}</button>
        </form>
        <label class="choice">
          <input
            type="checkbox"
            name="strict"
            checked={gate.settings.strictAfterGoal}
            onChange={(event) => void run(() => saveFriction({ strictAfterGoal: event.currentTarget.checked }))}
          />
          {i18n.t('options.friction.strict')}
        </label>
        {!gate.running && gate.people.length > 0 && (
          <p class="small muted" data-testid="tapered-note">
            {i18n.t('options.friction.goalReached')}{' '}
            {gate.settings.strictAfterGoal ? i18n.t('options.friction.keptFullWait') : i18n.t('options.friction.eased')}
          </p>
        )}
      </div>

      <div class="card stack" data-testid="lock-card">
        <h3>{i18n.t('options.friction.lockHeading')}</h3>
        {lockedUntil ? (
          <p data-testid="lock-status">
            {i18n.t('options.friction.lockStatus', [longDate(lockedUntil)])}
          </p>
        ) : !gate.running || !gate.goalDate ? (
          <p class="small muted">{i18n.t('options.friction.lockNeedsGoal')}</p>
        ) : confirmingLock ? (
          <div class="notice warn stack" role="group" aria-label={i18n.t('options.friction.beforeLock')}>
            <p>{i18n.t('options.friction.lockWarning', [longDate(gate.goalDate)])}</p>
            <div class="row">
              <button
                type="button"
                class="primary"
                data-testid="confirm-lock"
                onClick={() => {
                  setConfirmingLock(false);
                  void run(() => saveFriction({ lockedUntil: gate.goalDate }), i18n.t('options.friction.locked'));
                }}
              >
                {i18n.t('options.friction.lockUntil', [longDate(gate.goalDate)])}
              </button>
              <button type="button" onClick={() => setConfirmingLock(false)}>
                {i18n.t('options.friction.notNow')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <p class="small muted">{i18n.t('options.friction.lockIntro')}</p>
            <div>
              <button type="button" onClick={() => setConfirmingLock(true)} data-testid="start-lock">
                {i18n.t('options.friction.lock')}
              </button>
            </div>
          </>
        )}
      </div>

      <div class="card stack">
        <h3>{i18n.t('options.friction.lateNightHeading')}</h3>
        <p class="small muted">
          {i18n.t('options.friction.lateNightText')}
        </p>
        <label class="choice">
          <input
            type="checkbox"
            name="late-night"
            checked={gate.settings.lateNight.enabled}
            onChange={(event) => saveLateNight({ enabled: event.currentTarget.checked })}
          />
          {i18n.t('options.friction.useLateNight')}
        </label>
        <div class="row">
          <HourSelect
            label={i18n.t('options.friction.from')}
            name="late-night-start"
            value={gate.settings.lateNight.startHour}
            disabled={!gate.settings.lateNight.enabled}
            onChange={(startHour) => saveLateNight({ startHour })}
          />
          <HourSelect
            label={i18n.t('options.friction.until')}
            name="late-night-end"
            value={gate.settings.lateNight.endHour}
            disabled={!gate.settings.lateNight.enabled}
            onChange={(endHour) => saveLateNight({ endHour })}
          />
        </div>
      </div>

      <div class="card stack" data-testid="friend-card">
        <h3>{i18n.t('options.friction.friendHeading')}</h3>
        <p class="small muted">
          {i18n.t('options.friction.friendText')}
        </p>
        {shownCode && (
          <div class="notice stack" role="status">
            <p>
              {i18n.t('options.friction.friendCode')} <strong class="friend-code" data-testid="friend-code">{shownCode}</strong>
            </p>
            <p class="small">
              {i18n.t('options.friction.friendSend')}
            </p>
            <div>
              <button type="button" onClick={() => setShownCode('')}>
                {i18n.t('options.friction.friendGiven')}
              </button>
            </div>
          </div>
        )}
        {hasFriendCode ? (
          !shownCode && (
            <div class="row">
              <span class="grow" data-testid="friend-code-set">
                {i18n.t('options.friction.friendSet')}
              </span>
              <button type="button" class="quiet" onClick={() => startCooldown({ kind: 'forget-friend-code' })}>
                {i18n.t('options.friction.friendStop')}
              </button>
            </div>
          )
        ) : (
          <div>
            <button type="button" onClick={() => void setFriendCode()} data-testid="set-friend-code">
              {i18n.t('options.friction.friendMake')}
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
