import { useEffect, useState } from 'react';
import { Users } from 'lucide-react';
import { studio } from '../../studio';
import { LinkButton } from '../../ui/Button';

/** On the lesson screen, once the lesson is on the class server: the way to its results. */
export function ClassResultsLink({ lessonId }: { lessonId: string }) {
  const [published, setPublished] = useState(false);
  useEffect(() => {
    let live = true;
    void studio.classroom.published({ lessonId }).then((answer) => live && setPublished(answer !== null));
    const off = studio.publish.onDidProgress((job) => {
      if (job.lessonId === lessonId && job.state === 'done' && job.output?.kind === 'classServer') setPublished(true);
    });
    return () => {
      live = false;
      off();
    };
  }, [lessonId]);
  if (!published) return null;
  return (
    <LinkButton href={`#/lesson/${encodeURIComponent(lessonId)}/results`}>
      <Users size={14} aria-hidden="true" />
      Class results
    </LinkButton>
  );
}
