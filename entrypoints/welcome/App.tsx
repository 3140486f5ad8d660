import { useEffect, useRef, useState } from 'preact/hooks';
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

  const reload = async () => setPeople((await loadGlance(getDb(), new Date())).people);
  useEffect(() => void reload(), []);

  const saved = async () => {
    await reload();
    // The person is stored by now; a badge that failed to repaint catches up at its next alarm.
    await sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
    doneHeading.current?.focus();
  };

  if (people === undefined) return <main class="options welcome" aria-busy="true" />;
  const [primary] = people;

  return (
    <main class="options welcome">
      <header class="stack">
        <h1>Welcome to Clean Break</h1>
        <p>
          Taking space from someone is hard, and it's harder when their face is one scroll away. Clean Break keeps
          one person out of view on social sites, turns each reflexive check into a calm pause, and counts your days
          of no contact. Setting it up takes about a minute.
        </p>
      </header>

      {primary === undefined ? (
        <section class="stack" aria-labelledby="who-heading">
          <h2 id="who-heading">
            <span class="step" aria-hidden="true">1</span> Who you're taking space from
          </h2>
          <p class="muted">
            Their name is only for you. Paste a link to each of their profiles (Instagram, Facebook, X, TikTok,
            Threads, LinkedIn, Reddit, YouTube, Bluesky, WhatsApp, Snapchat, Telegram, Discord), or choose a site and
            type their username. Then pick the day no contact started and a goal: 21 or 30 days are gentle places to
            begin.
          </p>
          <PersonEditor otherNames={[]} onSaved={saved} />
        </section>
      ) : (
        <section class="stack" aria-labelledby="done-heading" data-testid="welcome-done">
          <h2 id="done-heading" tabIndex={-1} ref={doneHeading}>
            <span class="step" aria-hidden="true">✓</span> You're set
          </h2>
          <p>
            From now on, {primary.person.name} is kept out of view on the sites you added. This is your glance: the
            Clean Break icon in the toolbar opens it any time.
          </p>
          <div class="glance-preview card" data-testid="welcome-glance">
            <p class="brand">Clean Break</p>
            <StreakHero name={primary.person.name} streak={primary.streak} />
          </div>
          <p class="muted small">
            Don't see the icon? Open the puzzle-piece (Extensions) menu next to the address bar and pin Clean Break.
          </p>
          <div class="row">
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              Open settings
            </button>
          </div>
        </section>
      )}

      <section class="stack" aria-labelledby="sites-heading">
        <h2 id="sites-heading">
          <span class="step" aria-hidden="true">2</span> Why it asks for each site
        </h2>
        <ul class="plain-list">
          <li>
            Clean Break runs only on the supported social sites, to hide this one person there and to show the pause
            when you open their profile, story or chat. No other site is touched.
          </li>
          <li>
            When you save, your browser may ask to let Clean Break run on the sites of their accounts. Firefox asks
            site by site; you can say no, and the popup will tell you which sites aren't covered yet.
          </li>
          <li>It never reads your browsing history, your tabs or your cookies, and it never posts anything.</li>
        </ul>
      </section>

      <section class="stack" aria-labelledby="data-heading">
        <h2 id="data-heading">
          <span class="step" aria-hidden="true">3</span> Where your data lives
        </h2>
        <p>
          Only here, in this browser on this device. There is no account, no server and no analytics, and Clean
          Break sends nothing anywhere. You can export a backup or delete everything in Settings; removing the
          extension removes it all.
        </p>
        <p>
          <a href="/privacy.html" target="_blank" rel="noopener">
            Privacy: what is kept, where, and how to delete it
          </a>
        </p>
      </section>
    </main>
  );
}
