import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { describeWriteError } from '@/lib/db/errors';
import type { Person } from '@/lib/model';
import { GOAL_PRESETS, MAX_GOAL_DAYS, MAX_NAME_LENGTH } from '@/lib/model';
import { draftOf, emptyDraft, validateDraft, withAccount, type DraftErrors, type PersonDraft } from '@/lib/people/draft';
import { SITE_NAMES } from '@/lib/sites/names';
import { SITE_HOSTS } from '@/lib/sites/hosts';
import { browser } from 'wxt/browser';
import { AccountAdder } from './AccountAdder';
import { readGate } from '@/lib/friction/gate';
import { weakeningOf, weakens, withoutWeakening } from '@/lib/friction/rules';
import { longDate, startCooldown } from './FrictionSection';
import { formatNumber } from '@/lib/i18n/format';

interface Props {
  person?: Person;
  otherNames: string[];
  onSaved: () => Promise<void>;
  onCancel?: () => void;
}

/** Adds or edits one person; nothing is written until every field is valid. */
export function PersonEditor({ person, otherNames, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<PersonDraft>(() => (person ? draftOf(person) : emptyDraft(new Date())));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const isNew = person?.id === undefined;
  const customGoal = !GOAL_PRESETS.some((preset) => String(preset) === draft.goalDays);
  const [showCustomGoal, setShowCustomGoal] = useState(customGoal);
  const idPrefix = `person-${person?.id ?? 'new'}`;

  const update = (patch: Partial<PersonDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors(Object.fromEntries(Object.entries(errors).filter(([field]) => !(field in patch))));
    setStatus('');
    setFailure('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    // Firefox grants site access only on request, and only from a click: ask before any await.
    // Already-granted sites resolve at once without a prompt; a refusal is shown in the popup.
    // Asking must never stand in the way of saving: some browsers throw outside a real click.
    const origins = [...new Set(draft.accounts.flatMap((account) => SITE_HOSTS[account.site]))];
    try {
      if (origins.length > 0) void browser.permissions.request({ origins }).catch(() => false);
    } catch {
      // Shown in the popup as a site that isn't allowed yet.
    }
    const result = validateDraft(draft, new Date(), otherNames);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus(i18n.t('options.person.checkFields'));
      return;
    }
    setErrors({});
    // What adds protection is saved at once; what takes it away waits for a cooldown.
    const weakening = isNew ? null : weakeningOf(person, result.person);
    const weakened = weakening && weakens(weakening) ? weakening : null;
    const saved = weakened ? withoutWeakening(person!, result.person) : result.person;
    try {
      const db = getDb();
      if (isNew) await db.people.add(saved);
      else await db.people.update(person.id!, saved);
    } catch (error) {
      return setFailure(describeWriteError(error, 'save'));
    }
    setFailure('');
    setStatus(isNew ? '' : i18n.t('options.person.saved'));
    if (isNew) setDraft(emptyDraft(new Date()));
    await onSaved();
    if (!weakened) return;
    const gate = await readGate(getDb(), new Date());
    if (gate.locked && gate.settings.lockedUntil) {
      setDraft(draftOf({ ...person!, ...saved }));
      setStatus(i18n.t('options.person.lockedEdit', [longDate(gate.settings.lockedUntil)]));
      return;
    }
    startCooldown({
      kind: 'edit-person',
      personId: person!.id!,
      removeAccounts: weakened.removedAccounts,
      ...(weakened.goalDays ? { goalDays: weakened.goalDays.to } : {}),
      ...(weakened.noContactSince ? { noContactSince: weakened.noContactSince.to } : {}),
    });
  };

  const remove = async () => {
    const gate = await readGate(getDb(), new Date());
    if (gate.locked && gate.settings.lockedUntil) {
      setStatus(i18n.t('options.person.lockedRemove', [longDate(gate.settings.lockedUntil)]));
      return;
    }
    startCooldown({ kind: 'remove-person', personId: person!.id! });
  };

  const draftWeakens = !isNew && weakens(weakeningOf(person, {
    ...person,
    accounts: draft.accounts,
    goalDays: Number(draft.goalDays) || person.goalDays,
    noContactSince: draft.noContactSince || person.noContactSince,
  }));

  const fieldError = (field: keyof DraftErrors) =>
    errors[field] && (
      <span class="field-error" id={`${idPrefix}-${field}-error`} role="alert">
        {errors[field]}
      </span>
    );

  return (
    <form class="card stack person-editor" onSubmit={save} noValidate aria-label={isNew ? i18n.t('options.person.addLabel') : person.name}>
      {isNew && <h3>{i18n.t('options.person.addHeading')}</h3>}
      <div class="grid">
        <label>
          {i18n.t('options.person.name')}
          <input
            name="name"
            value={draft.name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${idPrefix}-name-error` : undefined}
            onInput={(event) => update({ name: event.currentTarget.value })}
          />
          {fieldError('name')}
        </label>
        <label>
          {i18n.t('options.person.since')}
          <input
            type="date"
            name="noContactSince"
            value={draft.noContactSince}
            aria-invalid={errors.noContactSince ? true : undefined}
            onInput={(event) => update({ noContactSince: event.currentTarget.value })}
          />
          {fieldError('noContactSince')}
        </label>
      </div>

      <fieldset class="plain">
        <legend class="small muted">{i18n.t('options.person.goal')}</legend>
        <div class="row">
          {GOAL_PRESETS.map((preset) => (
            <label class="choice" key={preset}>
              <input
                type="radio"
                name={`${idPrefix}-goal`}
                checked={!showCustomGoal && draft.goalDays === String(preset)}
                onChange={() => {
                  setShowCustomGoal(false);
                  update({ goalDays: String(preset) });
                }}
              />
              {i18n.t('options.person.goalDays', [formatNumber(preset)])}
            </label>
          ))}
          <label class="choice">
            <input
              type="radio"
              name={`${idPrefix}-goal`}
              checked={showCustomGoal}
              onChange={() => setShowCustomGoal(true)}
            />
            {i18n.t('options.person.custom')}
          </label>
          {showCustomGoal && (
            <input
              type="number"
              class="goal-input"
              min={1}
              max={MAX_GOAL_DAYS}
              aria-label={i18n.t('options.person.customLabel')}
              value={draft.goalDays}
              onInput={(event) => update({ goalDays: event.currentTarget.value })}
            />
          )}
        </div>
        {fieldError('goalDays')}
      </fieldset>

      <div class="stack">
        <h4 class="small muted">{i18n.t('options.person.accounts')}</h4>
        {draft.accounts.length === 0 ? (
          <p class="small muted">{i18n.t('options.person.noAccounts')}</p>
        ) : (
          <ul class="accounts" aria-label={i18n.t('options.person.accountsLabel')}>
            {draft.accounts.map((account, index) => (
              <li key={`${account.site}:${account.handle}`} class="row">
                <span class="site-name">{SITE_NAMES[account.site]}</span>
                <span class="handle">{account.handle}</span>
                <button
                  type="button"
                  class="quiet"
                  aria-label={i18n.t('options.person.removeAccount', [SITE_NAMES[account.site], account.handle])}
                  onClick={() => update({ accounts: draft.accounts.filter((_, i) => i !== index) })}
                >
                  {i18n.t('options.person.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <AccountAdder
          onAdd={(account) => {
            const next = withAccount(draft.accounts, account);
            if (next.added) update({ accounts: next.accounts });
            return next.added ? null : i18n.t('options.person.duplicate');
          }}
        />
      </div>

      <div class="row">
        <button type="submit" class="primary">
          {isNew ? i18n.t('options.person.saveNew') : i18n.t('options.person.saveChanges')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {i18n.t('common.cancel')}
          </button>
        )}
        {status && (
          <span class="small muted" role="status" data-testid="person-status">
            {status}
          </span>
        )}
        {!isNew && (
          <button type="button" class="quiet danger push-right" onClick={() => void remove()}>
            {i18n.t('options.person.removePerson')}
          </button>
        )}
      </div>
      {draftWeakens && (
        <p class="small muted" data-testid="weakening-hint">
          {i18n.t('options.person.weakeningHint')}
        </p>
      )}
      {failure && (
        <p class="notice error" role="alert" data-testid="person-error">
          {failure}
        </p>
      )}
    </form>
  );
}
