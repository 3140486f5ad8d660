const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

interface Props {
  label: string;
  name: string;
  value: number;
  disabled?: boolean;
  onChange: (hour: number) => void;
}

/** A labelled choice of a whole hour of the day, 00:00 to 23:00. */
export function HourSelect({ label, name, value, disabled, onChange }: Props) {
  return (
    <label>
      {label}
      <select name={name} value={value} disabled={disabled} onChange={(event) => onChange(Number(event.currentTarget.value))}>
        {HOURS.map((hour) => (
          <option key={hour} value={hour}>
            {hourLabel(hour)}
          </option>
        ))}
      </select>
    </label>
  );
}
