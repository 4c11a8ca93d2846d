import { useState } from 'react';
import { Form } from 'react-aria-components';
import type { ClassSummary } from '@shared/classServer/results';
import { splitFormError } from '../../lib/errors';
import { studio } from '../../studio';
import { Button } from '../../ui/Button';
import { ActionMenu } from '../../ui/Menu';
import { Section } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import styles from './ClassResults.module.css';

interface ClassesPanelProps {
  classes: readonly ClassSummary[];
  onChanged: () => void;
  onAction: (summary: ClassSummary, action: 'csv' | 'json' | 'delete') => void;
}

/** The teacher's classes with their join codes, and a way to make one. */
export function ClassesPanel({ classes, onChanged, onAction }: ClassesPanelProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      await studio.classroom.createClass({ name });
      setName('');
      setError(null);
      onChanged();
    } catch (failure) {
      const split = splitFormError(failure, ['name']);
      setError(split.fields.name ?? split.form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.noPrint}>
      <Section headingId="classes-heading" title="Classes and join codes">
        {classes.length > 0 && (
          <ul className={styles.classes}>
            {classes.map((summary) => (
              <li key={summary.id} className={styles.classCard}>
                <div>
                  <p className={styles.classTitle}>{summary.name}</p>
                  <p className="hint">
                    {summary.learnerCount} {summary.learnerCount === 1 ? 'learner' : 'learners'}
                  </p>
                </div>
                <p
                  className={styles.code}
                  aria-label={`Join code for ${summary.name}: ${summary.joinCode.split('').join(' ')}`}
                >
                  {summary.joinCode}
                </p>
                <ActionMenu
                  label={`Actions for ${summary.name}`}
                  actions={[
                    { id: 'csv', label: 'Export records (CSV)' },
                    { id: 'json', label: 'Export records (JSON)' },
                    { id: 'delete', label: 'Delete the class and its records…', isDanger: true, separatorBefore: true },
                  ]}
                  onAction={(id) => onAction(summary, id as 'csv' | 'json' | 'delete')}
                />
              </li>
            ))}
          </ul>
        )}
        <Form
          className={styles.newClass}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <TextField
            label="New class"
            value={name}
            onChange={setName}
            placeholder="Year 7 Science"
            error={error ?? undefined}
            isRequired
          />
          <Button type="submit" variant="secondary" isPending={busy}>
            Make a class
          </Button>
        </Form>
      </Section>
    </div>
  );
}
