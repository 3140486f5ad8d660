import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { URGE_SURF_SECONDS } from '@/lib/friction/rules';
import { formatRemaining } from '@/lib/friction/commitment';

/** One breath: in for 4 seconds, out for 6. */
const BREATH_MS = 10_000;
const IN_MS = 4_000;

interface Props {
  reasons: string[];
  onDone: () => void;
}

/**
 * Late at night, going on first takes 90 seconds of urge surfing: noticing the urge rise and
 * fall with a slow breath. The circle stays still under prefers-reduced-motion; the words guide.
 */
export function UrgeSurf({ reasons, onDone }: Props) {
  const started = useRef(performance.now());
  const [elapsed, setElapsed] = useState(0);
  const totalMs = URGE_SURF_SECONDS * 1000;
  const remaining = Math.max(0, totalMs - elapsed);

  const card = useRef<HTMLElement>(null);
  // On a short window the breath and its countdown would start below the fold.
  useEffect(() => card.current?.scrollIntoView({ block: 'nearest' }), []);
  useEffect(() => {
    const timer = setInterval(() => setElapsed(performance.now() - started.current), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (remaining === 0) onDone();
  }, [remaining === 0]);

  const breathingIn = elapsed % BREATH_MS < IN_MS;
  return (
    <section ref={card} class="card stack surf" aria-labelledby="surf-heading" data-testid="urge-surf">
      <h2 id="surf-heading" class="small muted">
        {i18n.t('urgeSurf.heading')}
      </h2>
      <div class="breath" aria-hidden="true">
        <span class="breath-circle" />
      </div>
      <p class="breath-word" aria-live="off">
        {breathingIn ? i18n.t('urgeSurf.breatheIn') : i18n.t('urgeSurf.breatheOut')}
      </p>
      <p class="small muted">
        {i18n.t('urgeSurf.notice')}
      </p>
      {reasons.length > 0 && (
        <ul class="reasons" aria-label={i18n.t('pause.reasonsHeading')}>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      <p class="surf-remaining" role="timer" data-testid="urge-surf-remaining">
        {formatRemaining(remaining)}
      </p>
    </section>
  );
}
