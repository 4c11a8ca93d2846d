import type { ReactNode } from 'react';

/**
 * A sentence of ours around one piece of the teacher's text, e.g. quoted('', title, ' moved to trash'). The text is
 * isolated in <bdi>, so a right-to-left title cannot reorder the words around it (and the schemas have dropped any
 * bidi controls it carried). In JSX, put user text in <bdi> directly.
 */
export function quoted(before: string, text: string, after: string): ReactNode {
  return (
    <>
      {before}“<bdi>{text}</bdi>”{after}
    </>
  );
}
