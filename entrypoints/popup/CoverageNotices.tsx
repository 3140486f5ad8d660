import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Person, Site } from '@/lib/model';
import { SITE_HOSTS } from '@/lib/sites/hosts';
import { SITE_NAMES } from '@/lib/sites/names';
import { readSiteHealth } from '@/lib/shield/health';

function sitesOf(people: Person[]): Site[] {
  return [...new Set(people.flatMap((person) => person.accounts.map((account) => account.site)))];
}

function listNames(sites: Site[]): string {
  const names = sites.map((site) => SITE_NAMES[site]);
  return names.length <= 1 ? (names[0] ?? '') : i18n.t('common.listPair', [names.slice(0, -1).join(', '), names.at(-1) ?? '']);
}

/**
 * Says plainly where protection is missing: a site the browser hasn't allowed (Firefox asks
 * per site), or a site whose layout seems to have changed under the adapter.
 */
export function CoverageNotices({ people }: { people: Person[] }) {
  const [missing, setMissing] = useState<Site[]>([]);
  const [unhealthy, setUnhealthy] = useState<Site[]>([]);
  const sites = sitesOf(people);

  const check = async () => {
    const allowed = await Promise.all(
      sites.map((site) => browser.permissions.contains({ origins: SITE_HOSTS[site] })),
    );
    setMissing(sites.filter((_, index) => !allowed[index]));
    const health = await readSiteHealth();
    setUnhealthy(sites.filter((site) => health[site]?.healthy === false));
  };
  useEffect(() => void check(), [sites.join()]);

  const allow = () => {
    // Must be the first thing in the click handler: browsers only prompt from a user gesture.
    void browser.permissions
      .request({ origins: missing.flatMap((site) => SITE_HOSTS[site]) })
      .then(() => check());
  };

  return (
    <>
      {missing.length > 0 && (
        <div class="notice warn stack" role="status" data-testid="permission-notice">
          <p>
            {i18n.t('coverage.notAllowed', [listNames(missing)])}
          </p>
          <div>
            <button type="button" class="primary" onClick={allow}>
              {i18n.t('coverage.allowOn', [missing.length === 1 ? listNames(missing) : i18n.t('coverage.theseSites')])}
            </button>
          </div>
        </div>
      )}
      {unhealthy.length > 0 && (
        <p class="notice warn" role="status" data-testid="health-notice">
          {i18n.t('coverage.unhealthy', [listNames(unhealthy)])}
        </p>
      )}
    </>
  );
}
