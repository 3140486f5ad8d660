import { useEffect, useState } from 'preact/hooks';
import { getDb, listPeople } from '@/lib/db';
import type { Person } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { PersonEditor } from './PersonEditor';
import { BackupSection } from './BackupSection';
import { ReasonsSection } from './ReasonsSection';
import { FrictionSection } from './FrictionSection';

export function App() {
  const [people, setPeople] = useState<Person[]>();
  const [adding, setAdding] = useState(false);
  const [revision, setRevision] = useState(0);

  const reload = async () => {
    setPeople(await listPeople(getDb()));
    setRevision((current) => current + 1);
  };
  const changed = async () => {
    await reload();
    // What changed is stored by now; a badge that failed to repaint catches up at its next alarm.
    await sendMessage('ui-bg-data-changed', {}).catch(() => undefined);
  };
  useEffect(() => void reload(), []);

  if (people === undefined) return <main class="options" aria-busy="true" />;

  return (
    <main class="options">
      <header class="stack">
        <h1>Clean Break</h1>
        <p class="muted">
          Space to heal. Clean Break keeps one person out of view on social sites, and counts your days of no
          contact. Everything stays on this device.
        </p>
      </header>

      <section class="stack" aria-labelledby="people-heading">
        <h2 id="people-heading">Who you're taking space from</h2>
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
              Add another person
            </button>
          </div>
        )}
      </section>

      <FrictionSection revision={revision} />

      <ReasonsSection />

      <BackupSection onChanged={changed} />
    </main>
  );
}
