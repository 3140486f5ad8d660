import { i18n } from '#i18n';
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
import { formatNumber } from '@/lib/i18n/format';

interface Props {
  onChanged: () => Promise<void>;
}

type Pending =
  | { kind: 'none' }
  | { kind: 'replace'; data: BackupData; fileName: string }
  /** A backup that would lower protection: it waits for a cooldown like any other weakening change. */
  | { kind: 'replace-weakening'; data: BackupData; text: string; fileName: string; losses: string[] };

type Counted = 'people' | 'urges' | 'contacts' | 'activities' | 'reflections';

function count(kind: Counted, n: number): string {
  switch (kind) {
    case 'people':
      return i18n.t('options.backup.people', n, [formatNumber(n)]);
    case 'urges':
      return i18n.t('options.backup.urges', n, [formatNumber(n)]);
    case 'contacts':
      return i18n.t('options.backup.contacts', n, [formatNumber(n)]);
    case 'activities':
      return i18n.t('options.backup.activities', n, [formatNumber(n)]);
    case 'reflections':
      return i18n.t('options.backup.reflections', n, [formatNumber(n)]);
  }
}

function describe(data: BackupData): string {
  return [
    count('people', data.people.length),
    count('urges', data.urges.length),
    count('contacts', data.contacts.length),
    count('activities', data.activities.length),
    ...(data.reflections.length > 0 ? [count('reflections', data.reflections.length)] : []),
  ].join(', ');
}

function describeAdded(added: MergeCounts): string {
  const kinds: Counted[] = ['people', 'urges', 'contacts', 'activities', 'reflections'];
  const parts = kinds.filter((kind) => added[kind] > 0).map((kind) => count(kind, added[kind]));
  return parts.length > 0 ? i18n.t('options.backup.added', [parts.join(', ')]) : i18n.t('options.backup.nothingNew');
}

/** Export, import (validated before anything is written) and delete everything. */
export function BackupSection({ onChanged }: Props) {
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  /** Reading, checking or writing a backup: a long history takes seconds, and the page says so. */
  const [busy, setBusy] = useState(false);
  const whileBusy = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const exportBackup = async () => {
    setMessage(undefined);
    const now = new Date();
    const json = serializeBackup(await readAll(getDb()), now);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = backupFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: i18n.t('options.backup.saved', [link.download]) });
  };

  const restore = async (data: BackupData) => {
    setMessage(undefined);
    try {
      await replaceAllWith(getDb(), data);
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'import'), error: true });
    }
    setMessage({ text: i18n.t('options.backup.imported', [describe(data)]) });
    await onChanged();
  };

  /** Adds the file's people and history to what is here: it only ever adds, so it needs no cooldown. */
  const merge = async (data: BackupData, fileName: string) => {
    setPending({ kind: 'none' });
    setMessage(undefined);
    let added: MergeCounts;
    try {
      added = await mergeInto(getDb(), data);
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'import'), error: true });
    }
    setMessage({ text: i18n.t('options.backup.merged', [fileName, describeAdded(added)]) });
    await onChanged();
  };

  /** Says why, and returns true, when the lock keeps data from being deleted or replaced. */
  const lockedOut = async () => {
    const gate = await readGate(getDb(), new Date());
    if (!gate.locked || !gate.settings.lockedUntil) return false;
    setPending({ kind: 'none' });
    setMessage({ text: i18n.t('options.backup.locked', [longDate(gate.settings.lockedUntil)]) });
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
      setMessage({ text: i18n.t('options.backup.invalid', [result.error]), error: true });
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
      <h2 id="backup-heading">{i18n.t('options.backup.heading')}</h2>
      <div class="card stack">
        <p class="muted small">{i18n.t('options.backup.intro')}</p>
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void whileBusy(exportBackup)}>
            {i18n.t('options.backup.export')}
          </button>
          <label class="button file-button" aria-disabled={busy}>
            {i18n.t('options.backup.import')}
            <input
              type="file"
              accept="application/json,.json"
              class="sr-only"
              disabled={busy}
              onChange={(event) => {
                const input = event.currentTarget;
                void whileBusy(() => importFile(input));
              }}
            />
          </label>
          <button type="button" class="quiet danger push-right" disabled={busy} onClick={() => void deleteEverything()} data-testid="delete-all">
            {i18n.t('options.backup.deleteAll')}
          </button>
        </div>

        {pending.kind === 'replace' && (
          <div class="notice warn stack" role="group" aria-label={i18n.t('options.backup.replaceLabel')}>
            <p>{i18n.t('options.backup.replaceQuestion', [pending.fileName, describe(pending.data)])}</p>
            <div class="row">
              <button type="button" class="primary" onClick={() => void whileBusy(() => merge(pending.data, pending.fileName))} data-testid="import-merge">
                {i18n.t('options.backup.merge')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setPending({ kind: 'none' });
                  void whileBusy(() => restore(pending.data));
                }}
              >
                {i18n.t('options.backup.replace')}
              </button>
              <button type="button" onClick={() => setPending({ kind: 'none' })}>
                {i18n.t('common.cancel')}
              </button>
            </div>
          </div>
        )}

        {pending.kind === 'replace-weakening' && (
          <div class="notice warn stack" role="group" aria-label={i18n.t('options.backup.replaceLabel')} data-testid="import-weakening">
            <p>{i18n.t('options.backup.weakening', [pending.fileName, pending.losses.join('; ')])}</p>
            <div class="row">
              <button type="button" onClick={() => void whileBusy(() => merge(pending.data, pending.fileName))} data-testid="import-merge">
                {i18n.t('options.backup.merge')}
              </button>
              <button type="button" onClick={() => void importAfterCooldown(pending.text, pending.fileName)}>
                {i18n.t('options.backup.toWait')}
              </button>
              <button type="button" class="primary" onClick={() => setPending({ kind: 'none' })}>
                {i18n.t('options.backup.keep')}
              </button>
            </div>
          </div>
        )}

        {busy && (
          <p class="notice" role="status" data-testid="backup-busy">
            {i18n.t('options.backup.working')}
          </p>
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
