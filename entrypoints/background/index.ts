import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';
import { addKeptOutOfView, getDb, learnKey, logUrge, recordContact, reportedAt, type UrgeReport } from '@/lib/db';
import { loadGlance } from '@/lib/glance';
import { currentSuggestion, markSuggestionDone, nextSuggestion } from '@/lib/activities/suggestion';
import { activityById, pickActivity } from '@/lib/activities';
import { portableWriteError } from '@/lib/db/errors';
import { noteWriteProblem, storing, type ReportedWrite } from '@/lib/db/write-problems';
import { adapterForHost } from '@/lib/sites';
import { recordSiteHealth } from '@/lib/shield/health';
import { MIDNIGHT_ALARM, refreshBadge } from '@/lib/badge';
import { onMessages } from '@/lib/messaging';
import { shieldHello } from '@/lib/shield/hello';
import { forgetTabCss } from '@/lib/shield/frame-css';
import { keepHeld, isFromAnotherDevice, readSyncRecord, setSyncEnabled, syncNow } from '@/lib/sync';
import { bumpShieldRevision } from '@/lib/shield/revision';
import { CONTACT_KINDS, MAX_NOTE_LENGTH, OUTCOMES, PAGE_SURFACES, SITES, SLIP_KIND } from '@/lib/model';
import { dismissCelebration, loadMoments, logManualUrge } from '@/lib/db/insights';
import { announceMilestones } from '@/lib/insights/notify';
import { isManualUrgeRequest } from '@/lib/insights/requests';

/** A content script reports only what it can see: a page surface on its own kind of site. */
function isPageUrgeReport(value: UrgeReport): boolean {
  return (
    Number.isInteger(value?.personId) &&
    (SITES as readonly string[]).includes(value.site) &&
    (PAGE_SURFACES as readonly string[]).includes(value.surface) &&
    OUTCOMES.includes(value.outcome)
  );
}

/** `namespace:value`, e.g. `thread:340282366841710300949128`. */
const LEARNED_KEY = /^[a-z]+:[\w.:@-]{1,190}$/i;

function senderSite(sender: Browser.runtime.MessageSender) {
  return sender.url ? adapterForHost(new URL(sender.url).hostname)?.id : undefined;
}

/** A write a page reported while nobody is looking: a failure is noted for the popup, then passed on. */
function storeReported<T>(what: ReportedWrite, write: () => Promise<T>): Promise<T> {
  return storing(write, async (error) => {
    await noteWriteProblem(what, error, Date.now());
    throw error;
  });
}

/** A write the user asked for: the page that asked shows the failure, told whether the device is full. */
function storeForUser<T>(write: () => Promise<T>): Promise<T> {
  return storing(write, async (error) => {
    throw portableWriteError(error);
  });
}

/** Edits often come in a run (typing a goal, adding accounts): sync once they pause. */
const SYNC_DEBOUNCE_MS = 2_000;
const SYNC_REQUESTED_KEY = 'syncRequestedAt';

/** Syncs, then tells open tabs when someone new is to be hidden there. Failures are in the sync record. */
async function runSync(): Promise<void> {
  const { protectionChanged } = await syncNow(getDb(), Date.now());
  if (protectionChanged) {
    await bumpShieldRevision();
    await refreshBadge(getDb());
  }
}

/**
 * Debounced with a marker in session storage rather than a variable: a worker stopped before
 * its timer fired leaves the marker, and the next start syncs.
 */
async function requestSync(): Promise<void> {
  if (!(await readSyncRecord()).enabled) return;
  const requestedAt = Date.now();
  await browser.storage.session.set({ [SYNC_REQUESTED_KEY]: requestedAt });
  setTimeout(() => {
    void (async () => {
      const latest = (await browser.storage.session.get(SYNC_REQUESTED_KEY))[SYNC_REQUESTED_KEY];
      if (latest !== requestedAt) return;
      await browser.storage.session.remove(SYNC_REQUESTED_KEY);
      await runSync();
    })();
  }, SYNC_DEBOUNCE_MS);
}

async function syncView() {
  const { enabled, held, last } = await readSyncRecord();
  return { enabled, held, last };
}

// The MV3 worker may stop between any two events: every handler reads what it needs from
// storage and keeps nothing in module state.
export default defineBackground(() => {
  onMessages({
    'cs-bg-shield-hello': ({ again }, sender) => shieldHello(getDb(), sender, Date.now(), again === true),
    'cs-bg-log-urge': async (report) => {
      if (!isPageUrgeReport(report)) throw new Error('Malformed urge report.');
      return { urgeId: await storeReported('urge', () => logUrge(getDb(), report, reportedAt(report.at, Date.now()))) };
    },
    'cs-bg-kept-out-of-view': async ({ count }, sender) => {
      const site = senderSite(sender);
      if (!site || !Number.isInteger(count) || count <= 0 || count > 100_000) return { stored: false };
      await storeReported('kept-out-of-view', () => addKeptOutOfView(getDb(), site, count, new Date()));
      return { stored: true };
    },
    'cs-bg-health': async ({ healthy }, sender) => {
      const site = senderSite(sender);
      if (!site || typeof healthy !== 'boolean') return { stored: false };
      await storeReported('site-health', () => recordSiteHealth(site, healthy, Date.now()));
      return { stored: true };
    },
    'cs-bg-learn': async ({ key, personId }, sender) => {
      const site = senderSite(sender);
      const wellFormed = typeof key === 'string' && LEARNED_KEY.test(key) && Number.isInteger(personId);
      if (!site || !wellFormed || !(await getDb().people.get(personId))) return { stored: false };
      await storeReported('learned-key', () => learnKey(getDb(), site, key, personId));
      return { stored: true };
    },
    'ui-bg-data-changed': async () => {
      await Promise.all([bumpShieldRevision(), requestSync()]);
      return { badge: await refreshBadge(getDb()) };
    },
    'ui-bg-sync-state': syncView,
    'ui-bg-sync-set': async ({ enabled }) => {
      if (typeof enabled !== 'boolean') throw new Error('Malformed sync setting.');
      await setSyncEnabled(enabled);
      if (enabled) await runSync();
      return syncView();
    },
    'ui-bg-sync-keep': async ({ change }) => {
      await keepHeld(change);
      await runSync();
      return syncView();
    },
    'ui-bg-glance': async () => {
      const now = new Date();
      // Choosing a first suggestion stores it; when storing fails, the glance still opens.
      const suggestion = currentSuggestion(getDb(), now).catch(() =>
        pickActivity({ random: Math.random, hour: now.getHours() }),
      );
      const [glance, activity] = await Promise.all([loadGlance(getDb(), now), suggestion]);
      return { glance, activity };
    },
    'ui-bg-activity-done': async ({ activityId, at }) => {
      const activity = activityById(activityId);
      if (!activity) throw new Error('Unknown activity.');
      const db = getDb();
      // One transaction: logging it and choosing the next suggestion succeed or fail together.
      const next = await storeForUser(() =>
        db.transaction('rw', [db.activities, db.settings], () =>
          markSuggestionDone(db, activity, new Date(reportedAt(at, Date.now()))),
        ),
      );
      return { next };
    },
    'ui-bg-activity-another': async ({ excludeId }) => ({
      next: await storeForUser(() => nextSuggestion(getDb(), new Date(), excludeId)),
    }),
    'ui-bg-record-contact': async ({ personId, kind, note, at }) => {
      const wellFormed =
        Number.isInteger(personId) &&
        CONTACT_KINDS.includes(kind) &&
        typeof note === 'string' &&
        note.length <= MAX_NOTE_LENGTH &&
        (await getDb().people.get(personId)) !== undefined;
      if (!wellFormed) throw new Error('Malformed contact.');
      await storeForUser(() => recordContact(getDb(), personId, kind, note, reportedAt(at, Date.now())));
      // A slip restarts the count on the other devices too.
      if (kind === SLIP_KIND) await requestSync();
      // The contact is stored by now; a badge that failed to repaint catches up at its next alarm.
      return { badge: await refreshBadge(getDb()).catch(() => '') };
    },
    'ui-bg-log-manual-urge': async (request) => {
      if (!isManualUrgeRequest(request) || !(await getDb().people.get(request.personId))) throw new Error('Malformed urge.');
      const { personId, intensity, note } = request;
      const at = reportedAt(request.at, Date.now());
      return { urgeId: await storeForUser(() => logManualUrge(getDb(), { personId, intensity, note: note?.trim() }, at)) };
    },
    // Mostly a read (it marks the weekly summary shown at most once a week): a success here must not
    // clear a failed-write note the way a real write does, so it isn't wrapped in storeForUser.
    'ui-bg-moments': () => loadMoments(getDb(), new Date()),
    'ui-bg-dismiss-celebration': async ({ key }) => {
      if (typeof key !== 'string' || key.length > 100) return { stored: false };
      await storeForUser(() => dismissCelebration(getDb(), key));
      return { stored: true };
    },
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync') return;
    void readSyncRecord().then((record) => (record.enabled && isFromAnotherDevice(changes, record.device) ? runSync() : undefined));
  });
  // A sync asked for just before the worker stopped runs now.
  void browser.storage.session.get(SYNC_REQUESTED_KEY).then((stored) => (stored[SYNC_REQUESTED_KEY] ? requestSync() : undefined));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void refreshBadge(getDb());
    // A first install only: an update or a browser update must not greet someone again.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // A milestone that falls due is announced at the midnight alarm, or at start-up if the browser was closed.
  const announce = () => void announceMilestones(getDb(), new Date()).catch(() => undefined);
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge(getDb());
    announce();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== MIDNIGHT_ALARM) return;
    void refreshBadge(getDb());
    announce();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabCss(tabId).catch(() => undefined));
});
