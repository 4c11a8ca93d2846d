import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { ChevronRight } from 'lucide-react';
import styles from './TrashDisclosure.module.css';

interface TrashDisclosureProps {
  /** The button that opens it, with the count: "Deleted lessons (2)". */
  title: string;
  /** Names the list for screen readers. */
  listLabel: string;
  /** A line under the list. */
  note?: string;
  children: ReactNode;
}

/** Deleted things, folded away under the list they came from, each with a way back (TrashedItem). */
export function TrashDisclosure({ title, listLabel, note, children }: TrashDisclosureProps) {
  return (
    <Disclosure className={styles.disclosure}>
      <Heading level={2} className={styles.heading}>
        <Button slot="trigger" className={styles.trigger}>
          <ChevronRight size={16} aria-hidden="true" className={styles.chevron} />
          {title}
        </Button>
      </Heading>
      <DisclosurePanel className={styles.panel}>
        <ul className={styles.list} aria-label={listLabel}>
          {children}
        </ul>
        {note && <p className="hint">{note}</p>}
      </DisclosurePanel>
    </Disclosure>
  );
}

interface TrashedItemProps {
  title: string;
  /** Short facts after the title (a duration). */
  facts?: string[];
  /** When it was deleted (a RelativeTime), then the restore button. */
  children: ReactNode;
}

export function TrashedItem({ title, facts = [], children }: TrashedItemProps) {
  return (
    <li className={styles.row}>
      <bdi className={styles.title}>{title}</bdi>
      {facts.map((fact) => (
        <span key={fact} className={styles.fact}>
          {fact}
        </span>
      ))}
      {children}
    </li>
  );
}
