import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { loadGlance, type PersonGlance } from '@/lib/glance';
import { sendMessage } from '@/lib/messaging';
import { StreakHero } from '@/components/StreakHero';
import { PersonEditor } from '../options/PersonEditor';

/** The first page after install: set up one person, learn what is asked and why, then meet the glance. */
export function App() {
  const [people, setPeople] = useState<PersonGlance[]>();
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const [savedHere, setSavedHere] = useState(false);

  const reload = async () => setPeople((await loadGlance(getDb(), new Date())).people);
  useEffect(() => void reload(), []);
  // The form that had focus is gone: focus goes to what replaced it in the same frame, not once
  // the worker has answered.
  useLayoutEffect(() => {
    if (savedHere) doneHeading.current?.focus();
  }, [savedHere]);

  const saved = async () => {
    await reload();
    setSavedHere(true);
    // The person is stored by now; a badge that failed to repaint catches up at its next alarm.
    await sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
  };

  if (people === undefined) return <main class="page welcome" aria-busy="true" />;
  const [primary] = people;

  return (
    <main class="page welcome">
      <header class="stack">
        <h1>{i18n.t('welcome.title')}</h1>
        <p>{i18n.t('welcome.intro')}</p>
      </header>

      {primary === undefined ? (
        <section class="stack" aria-labelledby="who-heading">
          <h2 id="who-heading">
            <span class="step" aria-hidden="true">1</span> {i18n.t('welcome.whoHeading')}
          </h2>
          <p class="muted">{i18n.t('welcome.whoHelp')}</p>
          <PersonEditor otherNames={[]} onSaved={saved} />
        </section>
      ) : (
        <section class="stack" aria-labelledby="done-heading" data-testid="welcome-done">
          <h2 id="done-heading" tabIndex={-1} ref={doneHeading}>
            <span class="step" aria-hidden="true">✓</span> {i18n.t('welcome.setHeading')}
          </h2>
          <p>{i18n.t('welcome.setText', [primary.person.name])}</p>
          <div class="glance-preview card" data-testid="welcome-glance">
            <p class="brand">Clean Break</p>
            <StreakHero name={primary.person.name} streak={primary.streak} />
          </div>
          <p class="muted small">{i18n.t('welcome.pinHint')}</p>
          <div class="row">
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('welcome.openSettings')}
            </button>
          </div>
        </section>
      )}

      <section class="stack" aria-labelledby="sites-heading">
        <h2 id="sites-heading">
          <span class="step" aria-hidden="true">2</span> {i18n.t('welcome.sitesHeading')}
        </h2>
        <ul class="plain-list">
          <li>{i18n.t('welcome.sitesOnly')}</li>
          <li>{i18n.t('welcome.sitesAsk')}</li>
          <li>{i18n.t('welcome.sitesNever')}</li>
        </ul>
      </section>

      <section class="stack" aria-labelledby="data-heading">
        <h2 id="data-heading">
          <span class="step" aria-hidden="true">3</span> {i18n.t('welcome.dataHeading')}
        </h2>
        <p>{i18n.t('welcome.dataText')}</p>
        <p>
          <a href="/privacy.html" target="_blank" rel="noopener">
            {i18n.t('welcome.privacyLink')}
          </a>
        </p>
      </section>
    </main>
  );
}
