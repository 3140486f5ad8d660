import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '@/lib/i18n/format';
import { getDb } from '@/lib/db';
import { listReflections, saveReflection } from '@/lib/db/insights';
import { describeWriteError } from '@/lib/db/errors';
import { LEANING_LABELS, REFLECTION_QUESTIONS } from '@/lib/insights/reflection';
import { MAX_NOTE_LENGTH, REFLECTION_LEANINGS, type Person, type Reflection, type ReflectionLeaning } from '@/lib/model';

type Answers = Reflection['answers'];

/** The reflection at the goal: asked, saved on this device, and there to read again later. */
export default function ReflectionView({ people }: { people: (Person & { id: number })[] }) {
  const [personId, setPersonId] = useState(people[0]?.id ?? 0);
  const [answers, setAnswers] = useState<Answers>({});
  const [leaning, setLeaning] = useState<ReflectionLeaning>();
  const [saved, setSaved] = useState<Reflection[]>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();

  const reload = async () => setSaved(await listReflections(getDb()));
  useEffect(() => void reload(), []);

  const save = async () => {
    const trimmed = Object.fromEntries(
      Object.entries(answers).flatMap(([id, text]) => (text.trim() ? [[id, text.trim()]] : [])),
    ) as Answers;
    try {
      await saveReflection(getDb(), { at: Date.now(), personId, answers: trimmed, ...(leaning ? { leaning } : {}) });
    } catch (error) {
      return setMessage({ text: describeWriteError(error, 'save'), error: true });
    }
    setAnswers({});
    setLeaning(undefined);
    setMessage({ text: i18n.t('options.reflection.saved') });
    await reload();
  };

  const nameOf = (id: number) => people.find((person) => person.id === id)?.name ?? i18n.t('options.reflection.removedPerson');

  return (
    <div class="stack reflection-view" data-testid="reflection-view">
      <section class="card stack" aria-labelledby="reflect-heading">
        <h3 id="reflect-heading">{i18n.t('options.reflection.heading')}</h3>
        <p class="muted">{i18n.t('options.reflection.intro')}</p>
        {people.length > 1 && (
          <label>
            {i18n.t('options.reflection.about')}
            <select value={personId} onChange={(event) => setPersonId(Number(event.currentTarget.value))}>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {REFLECTION_QUESTIONS.map((question) => (
          <label key={question.id}>
            <span class="question">{question.prompt}</span>
            <span class="small muted">{question.hint}</span>
            <textarea
              value={answers[question.id] ?? ''}
              maxLength={MAX_NOTE_LENGTH}
              onInput={(event) => setAnswers({ ...answers, [question.id]: event.currentTarget.value })}
              data-testid={`answer-${question.id}`}
            />
          </label>
        ))}
        <fieldset class="plain stack">
          <legend class="question">{i18n.t('options.reflection.leaning')}</legend>
          <div class="row">
            {REFLECTION_LEANINGS.map((option) => (
              <label key={option} class="choice">
                <input type="radio" name="leaning" checked={leaning === option} onChange={() => setLeaning(option)} />
                {LEANING_LABELS[option]}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="row">
          <button type="button" class="primary" onClick={() => void save()} data-testid="reflection-save">
            {i18n.t('options.reflection.save')}
          </button>
          {message && (
            <p class={`small ${message.error ? 'field-error' : 'muted'}`} role={message.error ? 'alert' : 'status'} data-testid="reflection-message">
              {message.text}
            </p>
          )}
        </div>
      </section>

      {saved && saved.length > 0 && (
        <section class="stack" aria-labelledby="saved-reflections-heading">
          <h3 id="saved-reflections-heading">{i18n.t('options.reflection.savedHeading')}</h3>
          {saved.map((reflection) => (
            <details key={reflection.id} class="card" data-testid="saved-reflection">
              <summary>
                {i18n.t('options.reflection.summary', [formatDate(reflection.at, i18n.t('options.progress.shortDate')), nameOf(reflection.personId)])}
                {reflection.leaning && ` · ${LEANING_LABELS[reflection.leaning]}`}
              </summary>
              <dl class="reflection-answers">
                {REFLECTION_QUESTIONS.filter((question) => reflection.answers[question.id]).map((question) => (
                  <div key={question.id}>
                    <dt>{question.prompt}</dt>
                    <dd>{reflection.answers[question.id]}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
