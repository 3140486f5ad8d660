import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  seconds: number;
  /** How long the person then shows in this tab, said in the hint. */
  passMinutes: number;
  onHeld: () => void;
}

/** "Continue anyway" only after a deliberate hold (pointer, Space or Enter), never a single click. */
export function HoldButton({ seconds, passMinutes, onHeld }: Props) {
  const [holding, setHolding] = useState(false);
  /** A press let go too soon: from then on the hint is shown, not only read out. */
  const [letGoEarly, setLetGoEarly] = useState(false);
  const timer = useRef<number>();

  const start = () => {
    if (timer.current !== undefined) return;
    setHolding(true);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      setHolding(false);
      onHeld();
    }, seconds * 1000);
  };
  const stop = () => {
    if (timer.current !== undefined) setLetGoEarly(true);
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setHolding(false);
  };
  useEffect(() => stop, []);

  // The hint sits beside the button, not in it: inside, it would be read as part of the
  // button's name and then again as its description. It appears once a click has not been
  // enough, so a short press never looks like a broken button.
  return (
    <>
      <button
        type="button"
        class={`hold ${holding ? 'holding' : ''}`}
        style={{ '--hold-ms': `${seconds * 1000}ms` }}
        data-testid="continue-anyway"
        aria-describedby="hold-hint"
        onPointerDown={start}
        onPointerUp={stop}
        onPointerLeave={stop}
        onKeyDown={(event) => {
          if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) {
            event.preventDefault();
            start();
          }
        }}
        onKeyUp={stop}
        onBlur={stop}
      >
        <span class="hold-fill" aria-hidden="true" />
        <span class="hold-label">{holding ? i18n.t('pause.keepHolding') : i18n.t('pause.continueAnyway')}</span>
      </button>
      <span id="hold-hint" class={letGoEarly ? 'small muted' : 'sr-only'} data-testid="hold-hint">
        {i18n.t('pause.holdHint', [seconds, passMinutes])}
      </span>
    </>
  );
}
