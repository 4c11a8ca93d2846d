import type { ReactNode } from 'react';
import type { Project } from '@shared/library/schemas';
import { pluralize } from '@shared/format/text';
import { RowMain } from '../../ui/RowText';
import styles from './ProjectRow.module.css';

/** A project row's box, for the list item that holds it (a grid row in Projects, a list item in Trash). */
export const projectRowClass = styles.row;

interface ProjectRowTextProps {
  project: Project;
  /** What the lesson count says at zero: "No lessons yet" for a project in use, "No lessons" in the trash. */
  noLessons: string;
  /** When it last changed (a RelativeTime). */
  when: ReactNode;
}

/** A project's title, its description on one line, then how many lessons it has and when it changed. */
export function ProjectRowText({ project, noLessons, when }: ProjectRowTextProps) {
  return (
    <RowMain>
      <bdi className={styles.title} data-testid="project-title">
        {project.title}
      </bdi>
      {project.description && <bdi className={styles.description}>{project.description}</bdi>}
      <span className={styles.meta}>
        <span>{project.lessonCount === 0 ? noLessons : pluralize(project.lessonCount, 'lesson')}</span>
        <span aria-hidden="true">·</span>
        {when}
      </span>
    </RowMain>
  );
}
