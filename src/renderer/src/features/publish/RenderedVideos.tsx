import { CheckboxGroup, Label, Text } from 'react-aria-components';
import type { PublishRendition } from '@shared/contract/publish';
import { formatBytes } from '@shared/format/bytes';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { Banner } from '../../ui/Banner';
import { Checkbox } from '../../ui/Checkbox';
import field from '../../ui/Field.module.css';
import { RenditionChoice } from '../render/RenditionChoice';
import styles from './RenderedVideos.module.css';

interface RenderedVideosProps {
  /** The up-to-date renders, and how many others are out of date. */
  fresh: PublishRendition[];
  stale: number;
  /** With no up-to-date render: the sizes to render before the package is written. */
  renderFirst: boolean;
  take: Take | null;
  renderSizes: Rendition[];
  onRenderSizes: (sizes: Rendition[]) => void;
  renderIds: string[];
  onRenderIds: (ids: string[]) => void;
  error: string | undefined;
}

/** Which rendered files go into the package, or, with none up to date, which sizes to render first. */
export function RenderedVideos(props: RenderedVideosProps) {
  const { fresh, stale, renderFirst, take, renderSizes, onRenderSizes, renderIds, onRenderIds, error } = props;
  if (renderFirst)
    return (
      <>
        <Banner tone="info">
          <div>
            <p className={styles.noRenderTitle}>No up-to-date render yet</p>
            <p className={styles.noRenderText}>
              {stale > 0
                ? `The lesson was edited after its ${stale === 1 ? 'render was' : `${stale} renders were`} made. `
                : ''}
              Publishing renders it first in the sizes below, then writes the package, in one go.
            </p>
          </div>
        </Banner>
        {take && <RenditionChoice take={take} label="Sizes to render" value={renderSizes} onChange={onRenderSizes} />}
      </>
    );
  return (
    <CheckboxGroup className={styles.choices} value={renderIds} onChange={onRenderIds} isInvalid={Boolean(error)}>
      <Label className={field.label}>Video sizes in the package</Label>
      {fresh.map((rendition) => (
        <Checkbox
          key={rendition.renderId}
          value={rendition.renderId}
          variant="card"
          hint={
            <>
              {rendition.width && rendition.height ? `${rendition.width}×${rendition.height} · ` : ''}
              {formatBytes(rendition.sizeBytes)}
            </>
          }
        >
          {rendition.label}
        </Checkbox>
      ))}
      <Text slot="description" className={field.description}>
        Learners get the size that suits their screen and can switch.
        {stale > 0 ? ` ${stale} out-of-date render${stale === 1 ? ' is' : 's are'} not offered.` : ''}
      </Text>
    </CheckboxGroup>
  );
}
