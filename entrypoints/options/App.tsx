import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { getDb, listPeople } from '@/lib/db';
import type { Person } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { PersonEditor } from './PersonEditor';
import { BackupSection } from './BackupSection';
import { ReasonsSection } from './ReasonsSection';
import { SyncSection } from './SyncSection';
import { browser } from 'wxt/browser';
import { SHIELD_REVISION_KEY } from '@/lib/shield/revision';
import { MilestoneNotifications } from './MilestoneNotifications';
import { LazyView } from './LazyView';
import { reflectionAvailable } from '@/lib/db/insights';

type Tab = 'settings' | 'progress' | 'reflection';
const tabOf = (hash: string): Tab => (hash === '#progress' || hash === '#reflection' ? (hash.slice(1) as Tab) : 'settings');
const loadProgress = () => import('./progress/ProgressView');
const loadReflection = () => import('./reflection/ReflectionView');

const withIds = (people: Person[]) => people.filter((person): person is Person & { id: number } => person.id !== undefined);
import { FrictionSection } from './FrictionSection';

export function App() {
  const [people, setPeople] = useState<Person[]>();
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState<Tab>(() => tabOf(location.hash));
  const [canReflect, setCanReflect] = useState(false);
  const [revision, setRevision] = useState(0);

  const reload = async () => {
    setPeople(await listPeople(getDb()));
    setRevision((current) => current + 1);
    setCanReflect(await reflectionAvailable(getDb(), new Date()));
  };
  const changed = async () => {
    await reload();
    // What changed is stored by now; a badge that failed to repaint catches up at its next alarm.
    await sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
  };
  useEffect(() => {
    void reload();
    // People can change from elsewhere too: another device through sync.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SHIELD_REVISION_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  useEffect(() => {
    const follow = () => setTab(tabOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  if (people === undefined) return <main class="page" aria-busy="true" />;

  return (
    <main class="page">
      <header class="stack">
        <h1>Clean Break</h1>
        <p class="muted">{i18n.t('options.intro')}</p>
        <p class="small">
          <a href="/privacy.html" target="_blank" rel="noopener" data-testid="privacy-link">
            {i18n.t('options.privacyLink')}
          </a>
        </p>
        <nav class="tabs" aria-label={i18n.t('options.sections')}>
          <a href="#" aria-current={tab === 'settings' ? 'page' : undefined}>
            {i18n.t('options.tab.settings')}
          </a>
          <a href="#progress" aria-current={tab === 'progress' ? 'page' : undefined} data-testid="tab-progress">
            {i18n.t('options.tab.progress')}
          </a>
          {(canReflect || tab === 'reflection') && (
            <a href="#reflection" aria-current={tab === 'reflection' ? 'page' : undefined} data-testid="tab-reflection">
              {i18n.t('options.tab.reflection')}
            </a>
          )}
        </nav>
      </header>

      {tab === 'progress' && <LazyView load={loadProgress} props={{ people: withIds(people) }} />}
      {tab === 'reflection' && <LazyView load={loadReflection} props={{ people: withIds(people) }} />}
      {tab === 'settings' && (
        <>
          <section class="stack" aria-labelledby="people-heading">
            <h2 id="people-heading">{i18n.t('options.peopleHeading')}</h2>
            {people.map((person) => (
              <PersonEditor
                key={person.id}
                person={person}
                otherNames={people.filter((other) => other.id !== person.id).map((other) => other.name)}
                onSaved={changed}
              />
            ))}
            {people.length === 0 || adding ? (
              <PersonEditor
                otherNames={people.map((other) => other.name)}
                onSaved={async () => {
                  setAdding(false);
                  await changed();
                }}
                onCancel={people.length > 0 ? () => setAdding(false) : undefined}
              />
            ) : (
              <div>
                <button type="button" onClick={() => setAdding(true)}>
                  {i18n.t('options.addAnother')}
                </button>
              </div>
            )}
          </section>

          <FrictionSection revision={revision} />

          <ReasonsSection />

          <MilestoneNotifications />

          <SyncSection />

          <BackupSection onChanged={changed} />
        </>
      )}
    </main>
  );
}
