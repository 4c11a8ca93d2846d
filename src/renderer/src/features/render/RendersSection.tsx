import { useState } from 'react';
import { Film } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { burnableTracks } from '@shared/render/burnedCaptions';
import { describeError } from '../../lib/errors';
import { studio } from '../../studio';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Section } from '../../ui/Page';
import { useToast } from '../../ui/Toast';
import { RenderDialog } from './RenderDialog';
import { RenderJobRow } from './RenderJobRow';
import { RenderList } from './RenderList';
import { renderQueue, useRenderJobs } from './queueInstance';
import { useRenders } from './useRenders';
import styles from './RendersSection.module.css';

/** The lesson screen's renders: a button to render, the queue with progress, and the finished files. */
export function RendersSection({ lessonId, take }: { lessonId: string; take: Take }) {
  const [isChoosing, setChoosing] = useState(false);
  const jobs = useRenderJobs(lessonId);
  const { renders, error, document } = useRenders(lessonId);
  const toast = useToast();

  return (
    <Section
      headingId="renders-heading"
      title="Renders"
      action={
        <Button variant="secondary" onPress={() => setChoosing(true)}>
          <Film size={16} aria-hidden="true" />
          Render…
        </Button>
      }
    >
      {jobs.length > 0 && (
        <ul className={styles.queue} aria-label="Render queue">
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
      {error !== null && error !== undefined && (
        <Banner tone="error" as="p">
          {describeError(error)}
        </Banner>
      )}
      {renders.length > 0 ? (
        <RenderList
          renders={renders}
          document={document}
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
        captionTracks={document ? burnableTracks(document) : []}
        isOpen={isChoosing}
        onOpenChange={setChoosing}
        onRender={(renditions, options) => renderQueue.enqueue(lessonId, renditions, options)}
      />
    </Section>
  );
}
