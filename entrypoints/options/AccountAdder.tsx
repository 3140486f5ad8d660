import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { Account, Site } from '@/lib/model';
import { SITES } from '@/lib/model';
import { HANDLE_HELP, parseProfileLink, validateHandle } from '@/lib/accounts';
import { SITE_NAMES } from '@/lib/sites/names';

interface Props {
  /** Returns an error message, or null when the account was added. */
  onAdd: (account: Account) => string | null;
}

/** Adds an account by pasting a profile link, or by choosing a site and typing a handle. */
export function AccountAdder({ onAdd }: Props) {
  const [link, setLink] = useState('');
  const [site, setSite] = useState<Site>('instagram');
  const [handle, setHandle] = useState('');
  const [message, setMessage] = useState('');
  const help = HANDLE_HELP[site];

  const add = (account: Account, clear: () => void) => {
    const error = onAdd(account);
    if (error) return setMessage(error);
    setMessage(i18n.t('options.account.added', [SITE_NAMES[account.site], account.handle]));
    clear();
  };

  const addLink = () => {
    const parsed = parseProfileLink(link);
    if (!parsed.ok) return setMessage(parsed.error);
    add(parsed.value, () => setLink(''));
  };

  const addHandle = () => {
    const parsed = validateHandle(site, handle);
    if (!parsed.ok) return setMessage(parsed.error);
    add({ site, handle: parsed.value }, () => setHandle(''));
  };

  const onEnter = (action: () => void) => (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      action();
    }
  };

  return (
    <div class="stack account-adder">
      <div class="row align-end">
        <label class="grow">
          {i18n.t('options.account.pasteLink')}
          <input
            name="profile-link"
            value={link}
            placeholder="https://www.instagram.com/their.name/"
            autoComplete="off"
            onInput={(event) => setLink(event.currentTarget.value)}
            onKeyDown={onEnter(addLink)}
          />
        </label>
        <button type="button" onClick={addLink}>
          {i18n.t('options.account.addLink')}
        </button>
      </div>
      <div class="row align-end">
        <label>
          {i18n.t('options.account.chooseSite')}
          <select name="site" value={site} onChange={(event) => setSite(event.currentTarget.value as Site)}>
            {SITES.map((option) => (
              <option key={option} value={option}>
                {SITE_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          {help.label}
          <input
            name="handle"
            value={handle}
            placeholder={help.example}
            autoComplete="off"
            onInput={(event) => setHandle(event.currentTarget.value)}
            onKeyDown={onEnter(addHandle)}
          />
        </label>
        <button type="button" onClick={addHandle}>
          {i18n.t('options.account.add')}
        </button>
      </div>
      <p class="small muted">{help.hint}</p>
      {message && (
        <p class="small account-message" role="status" data-testid="account-message">
          {message}
        </p>
      )}
    </div>
  );
}
