import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import type { PublishSettings } from '@shared/publish/options';
import { Banner } from '../../ui/Banner';
import { DialogForm } from '../../ui/Dialog';
import { FormatChoice } from './FormatChoice';
import { PublishActions } from './PublishActions';
import { PublishRules } from './PublishRules';
import { RenderedVideos } from './RenderedVideos';
import { usePublishForm, type PublishOptions } from './usePublishForm';
import { VideoChoice } from './VideoChoice';
import styles from './PublishForm.module.css';

interface PublishFormProps {
  lessonId: string;
  options: PublishOptions;
  /** The lesson's recording, whose sizes a render made before publishing can take; null while unknown. */
  take: Take | null;
  /** What the teacher chose last time in this dialog (after a cancel or a failure), kept so nothing is retyped. */
  initial: PublishSettings | null;
  onCancel: () => void;
  /** While the recording is being cut for a `player` package: the share done, and how to stop it. */
  cutting: { fraction: number; cancel: () => void } | null;
  /** While the renders a `renders` package needs are being made first: where they stand, and how to stop them. */
  rendering: { fraction: number; label: string; etaMs: number | null; cancel: () => void } | null;
  /** `renderSizes`: with no up-to-date render, the sizes to render before the package is written. */
  onStart: (input: PublishSettings & { lessonId: string }, renderSizes: readonly Rendition[]) => Promise<void>;
}

export function PublishForm({
  lessonId,
  options,
  take,
  initial,
  onCancel,
  cutting,
  rendering,
  onStart,
}: PublishFormProps) {
  const form = usePublishForm(lessonId, options, take, initial, onStart);
  return (
    <DialogForm className={styles.form} onSubmit={(event) => (event.preventDefault(), void form.submit())}>
      <FormatChoice
        value={form.format}
        onChange={form.chooseFormat}
        video={form.video}
        settings={form.settings}
        set={form.set}
        connection={form.connection}
        cartridgeLessons={options.cartridgeLessons}
      />
      <VideoChoice value={form.video} onChange={form.setVideo} playerVideo={options.playerVideo} />
      {form.video === 'renders' && (
        <RenderedVideos
          fresh={form.fresh}
          stale={form.stale}
          renderFirst={form.renderFirst}
          take={take}
          renderSizes={form.renderSizes}
          onRenderSizes={form.setRenderSizes}
          renderIds={form.renderIds}
          onRenderIds={form.setRenderIds}
          error={form.errors.fields.renderIds}
        />
      )}
      <PublishRules
        format={form.format}
        checkpointCount={options.checkpointCount}
        settings={form.settings}
        set={form.set}
        errors={form.errors.fields}
      />
      {form.errors.form !== null && (
        <Banner tone="error" role="alert" as="p">
          {form.errors.form}
        </Banner>
      )}
      <PublishActions
        format={form.format}
        renderFirst={form.renderFirst}
        blockedBecause={form.blockedBecause}
        busy={form.busy}
        onCancel={onCancel}
        cutting={cutting}
        rendering={rendering}
      />
    </DialogForm>
  );
}
