import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { ArrowLeft } from 'lucide-react';
import { cx } from '../lib/classNames';
import styles from './BackLink.module.css';

/** "← Library": up one level, named after where it goes. */
export function BackLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <Link href={href} className={cx(styles.link, className)}>
      <ArrowLeft size={16} aria-hidden="true" />
      {children}
    </Link>
  );
}
