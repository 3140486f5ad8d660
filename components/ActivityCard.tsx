import { i18n } from '#i18n';
import type { Activity } from '@/lib/activities';
import { ACTIVITY_GROUPS } from '@/lib/activities';

interface Props {
  activity: Activity;
  onDone?: () => void;
  onAnother?: () => void;
  doneMessage?: string;
}

/** One thing to do instead, with optional Done / Another actions. */
export function ActivityCard({ activity, onDone, onAnother, doneMessage }: Props) {
  return (
    <section class="card activity" aria-label={i18n.t('activityCard.label')} data-testid="activity">
      <p class="small muted">{i18n.t('activityCard.insteadTry', [ACTIVITY_GROUPS[activity.group].label])}</p>
      <h2 class="activity-title" data-testid="activity-title">
        {activity.title}
      </h2>
      <p class="muted">{activity.detail}</p>
      {(onDone ?? onAnother) && (
        <div class="row" style={{ marginTop: '10px' }}>
          {onDone && (
            <button type="button" class="primary" onClick={onDone}>
              {i18n.t('activityCard.done')}
            </button>
          )}
          {onAnother && (
            <button type="button" onClick={onAnother}>
              {i18n.t('activityCard.another')}
            </button>
          )}
          {doneMessage && (
            <span class="small muted" role="status">
              {doneMessage}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
