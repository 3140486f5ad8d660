import type { PersonGlance } from '@/lib/glance';

interface Props {
  label: string;
  people: PersonGlance[];
  personId: number | undefined;
  onChange: (personId: number) => void;
}

/** Which person something is about; shown only when there is more than one. */
export function PersonPicker({ label, people, personId, onChange }: Props) {
  if (people.length < 2) return null;
  return (
    <label>
      {label}
      <select value={personId} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {people.map(({ person }) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </label>
  );
}
