import { Printer } from 'lucide-react';
import type { PlanGroup } from '@shared/classServer/planClass';
import { Button } from '../../ui/Button';
import { Section } from '../../ui/Page';
import styles from './ClassResults.module.css';

/** The learners grouped by what they missed, for the next lesson; printing prints only this. */
export function PlanTheClass({ groups, title }: { groups: readonly PlanGroup[]; title: string }) {
  return (
    <Section
      headingId="plan-heading"
      title="Plan the class"
      action={
        <Button className={styles.noPrint} onPress={() => window.print()}>
          <Printer size={14} aria-hidden="true" />
          Print
        </Button>
      }
    >
      <p className={styles.printOnly}>{title}</p>
      {groups.length === 0 ? (
        <p className="hint">Groups appear once learners have answered.</p>
      ) : (
        <ul className={styles.groups}>
          {groups.map((group) => (
            <li key={group.title} className={styles.group}>
              <h3 className={styles.groupTitle}>
                {group.title} <span className={styles.groupCount}>({group.learners.length})</span>
              </h3>
              <p className={styles.groupFocus}>{group.focus}</p>
              <ul className={styles.groupNames}>
                {group.learners.map((learner) => (
                  <li key={learner.id}>{learner.name}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
