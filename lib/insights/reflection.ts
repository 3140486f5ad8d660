import type { ReflectionLeaning, ReflectionQuestionId } from '../model';

/**
 * The questions the no-contact literature asks once the period is over. They take no side:
 * moving on and reconnecting are both outcomes worth reaching with a clear head.
 */
export const REFLECTION_QUESTIONS: readonly { id: ReflectionQuestionId; prompt: string; hint: string }[] = [
  { id: 'why-it-ended', prompt: 'Why did it end?', hint: 'The reasons as they were then, not as they feel tonight.' },
  { id: 'what-changed', prompt: 'What has changed since?', hint: 'In you, in them as far as you know, in your life around it.' },
  {
    id: 'what-would-differ',
    prompt: 'If you were in touch again, what would be different?',
    hint: 'And how would you know it, rather than hope it?',
  },
  { id: 'pros', prompt: 'What might be good about being in touch again?', hint: 'The pros, honestly.' },
  { id: 'cons', prompt: 'What might be hard or hurtful about it?', hint: 'The cons, just as honestly.' },
  {
    id: 'right-reasons',
    prompt: 'Are you considering this for the right reasons?',
    hint: 'Or out of loneliness, habit, or missing how it once felt? Both can be true.',
  },
  { id: 'ready', prompt: 'Do you feel ready, either way?', hint: 'Ready to move on, or ready to be in touch again.' },
];

export const LEANING_LABELS: Record<ReflectionLeaning, string> = {
  'moving-on': 'Moving on',
  reconnecting: 'Reconnecting',
  undecided: 'Not sure yet',
};
