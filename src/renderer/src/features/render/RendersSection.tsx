import { useState } from 'react';
import { Film } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { describeError } from '../../lib/errors';
import { studio } from '../../studio';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { RenderDialog } from './RenderDialog';
import { RenderJobRow } from './RenderJobRow';
import { RenderList } from './RenderList';
import { renderQueue, useRenderJobs } from './queueInstance';
import { useRenders } from './useRenders';
import './render.css';

/** The lesson screen's renders: a button to render, the queue with progress, and the finished files. */
export function RendersSection({ lessonId, take }: { lessonId: string; take: Take }) {
  const [isChoosing, setChoosing] = useState(false);
  const jobs = useRenderJobs(lessonId);
  const { renders, error, revision, takeId } = useRenders(lessonId);
  const toast = useToast();

  return (
    <section className="renders-section" aria-labelledby="renders-heading">
      <div className="renders-header">
        <h2 id="renders-heading" className="section-title">
          Renders
        </h2>
        <Button variant="secondary" onPress={() => setChoosing(true)}>
          <Film size={16} aria-hidden="true" />
          Render…
        </Button>
      </div>
      {jobs.length > 0 && (
        <ul className="render-queue" aria-label="Render queue">
          {jobs.map((job) => (
            <RenderJobRow
              key={job.id}
              job={job}
              onCancel={() => renderQueue.cancel(job.id)}
              onDismiss={() => renderQueue.dismiss(job.id)}
            />
          ))}
        </ul>
      )}
      {error !== null && error !== undefined && <p className="load-error">{describeError(error)}</p>}
      {renders.length > 0 ? (
        <RenderList
          renders={renders}
          revision={revision}
          takeId={takeId}
          onRemove={(render) =>
            void studio.renders.remove({ id: render.id }).catch((failure: unknown) => toast.error(failure))
          }
        />
      ) : (
        jobs.length === 0 && (
          <p className="hint">No renders yet. Render the lesson to get MP4 files to share or publish.</p>
        )
      )}
      <RenderDialog
        take={take}
        isOpen={isChoosing}
        onOpenChange={setChoosing}
        onRender={(renditions) => renderQueue.enqueue(lessonId, renditions)}
      />
    </section>
  );
}
