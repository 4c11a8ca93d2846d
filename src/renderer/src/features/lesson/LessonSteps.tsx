import { Check } from 'lucide-react';
import type { LessonStep } from '@shared/lesson/steps';
import { cx } from '../../lib/classNames';
import styles from './LessonSteps.module.css';

const STATE_WORDS = { done: 'done', next: 'next', waiting: 'not yet' } as const;

/**
 * The lesson's path, Record · Edit · Questions · Publish, with what is done for this lesson. A list, each step's
 * state in words as well as in its mark, the next one marked as the current step.
 */
export function LessonSteps({ steps }: { steps: readonly LessonStep[] }) {
  return (
    <ol className={styles.steps} aria-label="Steps for this lesson">
      {steps.map((step) => {
        const state = step.done ? 'done' : step.current ? 'next' : 'waiting';
        return (
          <li
            key={step.id}
            className={cx(
              styles.step,
              state === 'done' && styles.done,
              state === 'next' && styles.next,
              state === 'waiting' && styles.waiting,
            )}
            aria-current={step.current ? 'step' : undefined}
            data-testid={`step-${step.id}`}
          >
            <span className={styles.mark} aria-hidden="true">
              {step.done && <Check size={12} strokeWidth={3} />}
            </span>
            <span className={styles.text}>
              <span className={styles.name}>
                {step.name}
                <span className="visually-hidden">: {STATE_WORDS[state]}.</span>
              </span>
              <span className={styles.detail}>{step.detail}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
