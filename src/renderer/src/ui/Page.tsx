import type { ReactNode } from 'react';
import { cx } from '../lib/classNames';
import { BackLink } from './BackLink';
import styles from './Page.module.css';

interface PageProps {
  /** wide for a screen with a player (the lesson). */
  wide?: boolean;
  /** Where the back link goes and what it says; none on the library itself. */
  back?: { href: string; label: ReactNode };
  /** The id of the element that names the page, usually its h1. */
  labelledBy?: string;
  'aria-live'?: 'polite';
  /** A layout of the screen's own (the library fills the window so its list scrolls inside). */
  className?: string | undefined;
  children: ReactNode;
}

/** A screen's main column: the back link, then the screen's content. */
export function Page({ wide, back, labelledBy, className, children, ...props }: PageProps) {
  return (
    <main className={cx(styles.page, wide && styles.wide, className)} aria-labelledby={labelledBy} {...props}>
      {back && (
        <BackLink href={back.href} className={styles.back}>
          {back.label}
        </BackLink>
      )}
      {children}
    </main>
  );
}

/** The page's h1 and, at the right, its actions. */
export function PageHeader({
  children,
  actions,
  alignStart,
}: {
  children: ReactNode;
  actions?: ReactNode;
  alignStart?: boolean;
}) {
  return (
    <div className={cx(styles.header, alignStart && styles.alignStart)}>
      {children}
      {actions}
    </div>
  );
}

/** A row of buttons at the right of a PageHeader. */
export function PageActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}

interface SectionProps {
  /** The heading's id; the section is named by it. */
  headingId: string;
  title: string;
  /** A button at the right of the heading (Render…, Add captions…). */
  action?: ReactNode;
  children: ReactNode;
}

/** A titled part of a page (Lessons, Takes, Renders). */
export function Section({ headingId, title, action, children }: SectionProps) {
  const heading = (
    <h2 id={headingId} className={styles.sectionTitle}>
      {title}
    </h2>
  );
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      {action ? (
        <div className={styles.sectionHeader}>
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
