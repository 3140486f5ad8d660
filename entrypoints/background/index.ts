import { browser } from 'wxt/browser';
import { getDb, logUrge, type UrgeReport } from '@/lib/db';
import { MIDNIGHT_ALARM, refreshBadge } from '@/lib/badge';
import { onMessages } from '@/lib/messaging';
import { shieldHello } from '@/lib/shield/hello';
import { OUTCOMES, SITES, SURFACES } from '@/lib/model';

function isUrgeReport(value: UrgeReport): boolean {
  return (
    Number.isInteger(value?.personId) &&
    SITES.includes(value.site) &&
    SURFACES.includes(value.surface) &&
    OUTCOMES.includes(value.outcome)
  );
}

// The MV3 worker may stop between any two events: every handler reads what it needs from
// storage and keeps nothing in module state.
export default defineBackground(() => {
  onMessages({
    'cs-bg-shield-hello': (_, sender) => shieldHello(getDb(), sender, Date.now()),
    'cs-bg-log-urge': async (report) => {
      if (!isUrgeReport(report)) throw new Error('Malformed urge report.');
      return { urgeId: await logUrge(getDb(), report, Date.now()) };
    },
    'ui-bg-data-changed': async () => ({ badge: await refreshBadge(getDb()) }),
  });

  browser.runtime.onInstalled.addListener(() => void refreshBadge(getDb()));
  browser.runtime.onStartup.addListener(() => void refreshBadge(getDb()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MIDNIGHT_ALARM) void refreshBadge(getDb());
  });
});
