import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb, isEmpty, listPeople, readAll } from '@/lib/db';
import { backupFileName, MAX_BACKUP_BYTES, parseBackup, serializeBackup, type BackupData } from '@/lib/backup/format';
import { mergeInto, replaceAllWith, type MergeCounts } from '@/lib/backup/restore';
import { describeWriteError } from '@/lib/db/errors';
import { readGate } from '@/lib/friction/gate';
import { importWeakening } from '@/lib/friction/import-losses';
import { PENDING_IMPORT_KEY } from '@/lib/friction/actions';
import { longDate, startCooldown } from './FrictionSection';

interface Props {
  onChanged: () => Promise<void>;
}

type Pending =
  | { kind: 'none' }
  | { kind: 'replace'; data: BackupData; fileName: string }
  /** A backup that would lower protection: it waits for a cooldown like any other weakening change. */
  | { kind: 'replace-weakening'; data: BackupData; text: string; fileName: string; losses: string[] };

function describe(data: BackupData): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    count(data.people.length, 'person', 'people'),
    count(data.urges.length, 'urge', 'urges'),
    count(data.contacts.length, 'contact', 'contacts'),
    count(data.activities.length, 'activity', 'activities'),
    ...(data.reflections.length > 0 ? [count(data.reflections.length, 'reflection', 'reflections')] : []),
  ].join(', ');
}

function describeAdded(added: MergeCounts): string {
  const parts = [
    added.people > 0 ? `${added.people} ${added.people === 1 ? 'person' : 'people'}` : '',
    added.urges > 0 ? `${added.urges} ${added.urges === 1 ? 'urge' : 'urges'}` : '',
    added.contacts > 0 ? `${added.contacts} ${added.contacts === 1 ? 'contact' : 'contacts'}` : '',
    added.activities > 0 ? `${added.activities} ${added.activities === 1 ? 'activity' : 'activities'}` : '',
    added.reflections > 0 ? `${added.reflections} ${added.reflections === 1 ? 'reflection' : 'reflections'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `added ${parts.join(', ')}` : 'everything in it was already here';
}

/** Export, import (validated before anything is written) and delete everything. */
export function BackupSection({ onChanged }: Props) {
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const exportBackup = async () => {
    const now = new Date();
    const json = serializeBackup(await readAll(getDb()), now);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = backupFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: `Backup saved as ${link.download}. Keep it somewhere private.` });
  };

  const restore = async (data: BackupData) => {
    try {
      await replaceAllWith(getDb(), data);
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'import'), error: true });
    }
    setMessage({ text: `Backup imported: ${describe(data)}.` });
    await onChanged();
  };

  /** Adds the file's people and history to what is here: it only ever adds, so it needs no cooldown. */
  const merge = async (data: BackupData, fileName: string) => {
    setPending({ kind: 'none' });
    let added: MergeCounts;
    try {
      added = await mergeInto(getDb(), data);
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'import'), error: true });
    }
    setMessage({ text: `Backup “${fileName}” merged: ${describeAdded(added)}. Nothing here was removed.` });
    await onChanged();
  };

  /** Says why, and returns true, when the lock keeps data from being deleted or replaced. */
  const lockedOut = async () => {
    const gate = await readGate(getDb(), new Date());
    if (!gate.locked || !gate.settings.lockedUntil) return false;
    setPending({ kind: 'none' });
    setMessage({
      text: `Locked until ${longDate(gate.settings.lockedUntil)}: your data can’t be deleted or replaced until then. Exporting a backup still works.`,
    });
    return true;
  };

  const deleteEverything = async () => {
    if (!(await lockedOut())) startCooldown({ kind: 'delete-all' });
  };

  const importAfterCooldown = async (text: string, fileName: string) => {
    if (await lockedOut()) return;
    try {
      await browser.storage.session.set({ [PENDING_IMPORT_KEY]: text });
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'import'), error: true });
    }
    startCooldown({ kind: 'import', fileName });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending({ kind: 'none' });
    const result =
      file.size > MAX_BACKUP_BYTES ? parseBackup('', file.size) : parseBackup(await file.text(), file.size);
    if (!result.ok) {
      setMessage({ text: `${result.error} Nothing was changed.`, error: true });
      return;
    }
    if (await isEmpty(getDb())) return restore(result.data);
    setMessage(undefined);
    const losses = importWeakening(await listPeople(getDb()), result.data.people);
    if (losses.length > 0) {
      const text = await file.text();
      return setPending({ kind: 'replace-weakening', data: result.data, text, fileName: file.name, losses });
    }
    setPending({ kind: 'replace', data: result.data, fileName: file.name });
  };

  return (
    <section class="stack" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Your data</h2>
      <div class="card stack">
        <p class="muted small">
          Everything Clean Break knows lives only in this browser. A backup is a file you keep; it is the only copy
          of your history outside this browser.
        </p>
        <div class="row">
          <button type="button" onClick={() => void exportBackup()}>
            Export backup
          </button>
          <label class="button file-button">
            Import backup
            <input
              type="file"
              accept="application/json,.json"
              class="sr-only"
              onChange={(event) => void importFile(event.currentTarget)}
            />
          </label>
          <button type="button" class="quiet danger push-right" onClick={() => void deleteEverything()} data-testid="delete-all">
            Delete all data…
          </button>
        </div>

        {pending.kind === 'replace' && (
          <div class="notice warn stack" role="group" aria-label="Replace your data?">
            <p>
              “{pending.fileName}” holds {describe(pending.data)}. Add it to what is here (the same person is joined
              by name, and nothing here is removed), or replace everything here with it? Replacing can’t be undone;
              export a backup first if you want to keep what is here.
            </p>
            <div class="row">
              <button type="button" class="primary" onClick={() => void merge(pending.data, pending.fileName)} data-testid="import-merge">
                Add to what’s here
              </button>
              <button
                type="button"
                onClick={() => {
                  setPending({ kind: 'none' });
                  void restore(pending.data);
                }}
              >
                Replace
              </button>
              <button type="button" onClick={() => setPending({ kind: 'none' })}>
                Cancel
              </button>
            </div>
          </div>
        )}

        {pending.kind === 'replace-weakening' && (
          <div class="notice warn stack" role="group" aria-label="Replace your data?" data-testid="import-weakening">
            <p>
              Replacing everything here with “{pending.fileName}” would lower your protection: {pending.losses.join('; ')}.
              Like any change that lowers protection, it waits for a short cooldown first. Adding it to what is
              here instead lowers nothing and happens at once.
            </p>
            <div class="row">
              <button type="button" onClick={() => void merge(pending.data, pending.fileName)} data-testid="import-merge">
                Add to what’s here
              </button>
              <button type="button" onClick={() => void importAfterCooldown(pending.text, pending.fileName)}>
                Continue to the wait…
              </button>
              <button type="button" class="primary" onClick={() => setPending({ kind: 'none' })}>
                Keep what’s here
              </button>
            </div>
          </div>
        )}

        {message && (
          <p
            class={message.error ? 'notice error' : 'notice'}
            role={message.error ? 'alert' : 'status'}
            data-testid="backup-message"
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
