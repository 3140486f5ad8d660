import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb, getSetting, putSetting } from '@/lib/db';
import { NOTIFY_MILESTONES_KEY } from '@/lib/insights/notify';
import { describeWriteError } from '@/lib/db/errors';

/**
 * Milestone notifications, off until turned on. The `notifications` permission is optional and
 * asked for right here, on the click, so nobody who leaves this off ever grants it.
 */
export function MilestoneNotifications() {
  const [on, setOn] = useState<boolean>();
  const [message, setMessage] = useState('');

  useEffect(() => {
    void (async () => {
      const wanted = (await getSetting<boolean>(getDb(), NOTIFY_MILESTONES_KEY)) === true;
      setOn(wanted && (await browser.permissions.contains({ permissions: ['notifications'] })));
    })();
  }, []);

  const change = async (turnOn: boolean) => {
    setMessage('');
    // Asked first, inside the click: browsers allow the request only during a user gesture.
    const granted = turnOn ? await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false) : false;
    if (turnOn && !granted) {
      setOn(false);
      return setMessage(i18n.t('options.milestones.notAllowed'));
    }
    try {
      await putSetting(getDb(), NOTIFY_MILESTONES_KEY, turnOn);
    } catch (error) {
      return setMessage(describeWriteError(error, 'save'));
    }
    if (!turnOn) await browser.permissions.remove({ permissions: ['notifications'] }).catch(() => false);
    setOn(turnOn);
  };

  if (on === undefined) return null;
  return (
    <section class="stack" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{i18n.t('options.milestones.heading')}</h2>
      <div class="card stack">
        <label class="choice">
          <input
            type="checkbox"
            checked={on}
            onChange={(event) => void change(event.currentTarget.checked)}
            data-testid="milestone-notifications"
          />
          {i18n.t('options.milestones.toggle')}
        </label>
        <p class="small muted">{i18n.t('options.milestones.note')}</p>
        {message && (
          <p class="small muted" role="status">
            {message}
          </p>
        )}
      </div>
    </section>
  );
}
