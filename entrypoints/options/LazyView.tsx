import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

interface Props<P> {
  load: () => Promise<{ default: FunctionComponent<P> }>;
  props: P;
}

/** A view in its own chunk, fetched the first time it is shown, so Settings opens no slower. */
export function LazyView<P extends object>({ load, props }: Props<P>) {
  const [View, setView] = useState<FunctionComponent<P>>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then((module) => setView(() => module.default), () => setFailed(true));
  }, [load]);
  if (failed) return <p class="notice error" role="alert">This page couldn't be opened. Reload the page to try again.</p>;
  return View ? <View {...props} /> : <div aria-busy="true" />;
}
