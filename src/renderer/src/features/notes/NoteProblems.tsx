import { AlertCircle } from 'lucide-react';
import type { NotesPreview } from '@shared/contract/notes';
import { Button } from '../../ui/Button';
import styles from './NotesPanel.module.css';

type Problem = Extract<NotesPreview, { ok: false }>['problems'][number];

/** What stops the notes from compiling, each a button that puts the cursor on its line. */
export function NoteProblems({
  id,
  problems,
  onGoToLine,
}: {
  id: string;
  problems: readonly Problem[];
  onGoToLine: (line: number) => void;
}) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className={styles.problems} role="alert">
      <p className={styles.problemsTitle}>
        <AlertCircle size={16} aria-hidden="true" />
        {problems.length === 1
          ? 'One thing to fix before learners can read the notes'
          : `${String(problems.length)} things to fix before learners can read the notes`}
      </p>
      <ul className={styles.problemList}>
        {problems.map((problem) => (
          <li key={`${String(problem.line)}:${String(problem.column)}:${problem.message}`}>
            <Button size="sm" variant="ghost" onPress={() => onGoToLine(problem.line)}>
              Line {problem.line}
            </Button>
            <span>{problem.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
