import { i18n } from '#i18n';
import type { ReflectionLeaning, ReflectionQuestionId } from '../model';

/**
 * The questions the no-contact literature asks once the period is over. They take no side:
 * moving on and reconnecting are both outcomes worth reaching with a clear head.
 */
export const REFLECTION_QUESTIONS: readonly { id: ReflectionQuestionId; prompt: string; hint: string }[] = [
  {
    id: 'why-it-ended',
    prompt: i18n.t('lib.reflection.whyItEnded.prompt'),
    hint: i18n.t('lib.reflection.whyItEnded.hint'),
  },
  {
    id: 'what-changed',
    prompt: i18n.t('lib.reflection.whatChanged.prompt'),
    hint: i18n.t('lib.reflection.whatChanged.hint'),
  },
  {
    id: 'what-would-differ',
    prompt: i18n.t('lib.reflection.whatWouldDiffer.prompt'),
    hint: i18n.t('lib.reflection.whatWouldDiffer.hint'),
  },
  { id: 'pros', prompt: i18n.t('lib.reflection.pros.prompt'), hint: i18n.t('lib.reflection.pros.hint') },
  { id: 'cons', prompt: i18n.t('lib.reflection.cons.prompt'), hint: i18n.t('lib.reflection.cons.hint') },
  {
    id: 'right-reasons',
    prompt: i18n.t('lib.reflection.rightReasons.prompt'),
    hint: i18n.t('lib.reflection.rightReasons.hint'),
  },
  { id: 'ready', prompt: i18n.t('lib.reflection.ready.prompt'), hint: i18n.t('lib.reflection.ready.hint') },
];

export const LEANING_LABELS: Record<ReflectionLeaning, string> = {
  'moving-on': i18n.t('lib.reflection.leaning.movingOn'),
  reconnecting: i18n.t('lib.reflection.leaning.reconnecting'),
  undecided: i18n.t('lib.reflection.leaning.undecided'),
};
