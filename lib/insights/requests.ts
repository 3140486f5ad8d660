import { INTENSITIES, MAX_NOTE_LENGTH, type Intensity } from '../model';

export interface ManualUrgeRequest {
  personId: number;
  intensity?: Intensity;
  note?: string;
  at: number;
}

/** A manual urge from the popup: a person id, and optionally an intensity 1–5 and a note. */
export function isManualUrgeRequest(value: unknown): value is ManualUrgeRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { personId, intensity, note } = value as Record<string, unknown>;
  return (
    Number.isInteger(personId) &&
    (intensity === undefined || (INTENSITIES as readonly unknown[]).includes(intensity)) &&
    (note === undefined || (typeof note === 'string' && note.length <= MAX_NOTE_LENGTH))
  );
}
