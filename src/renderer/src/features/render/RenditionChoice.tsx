import { CheckboxGroup, Label, Text } from 'react-aria-components';
import type { Rendition } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import { ALL_RENDITIONS, renditionLabel, renditionUnavailable, sourceHeightOf } from '@shared/render/renditions';
import { Checkbox } from '../../ui/Checkbox';
import field from '../../ui/Field.module.css';
import styles from './RenditionChoice.module.css';

interface RenditionChoiceProps {
  take: Take;
  label: string;
  value: readonly Rendition[];
  onChange: (renditions: Rendition[]) => void;
}

/** Which sizes to render, each a card with what it suits; sizes the take cannot give are offered disabled. */
export function RenditionChoice({ take, label, value, onChange }: RenditionChoiceProps) {
  const sourceHeight = sourceHeightOf(take);
  return (
    <CheckboxGroup
      className={styles.choices}
      value={value.map(String)}
      onChange={(chosen) => onChange(ALL_RENDITIONS.filter((rendition) => chosen.includes(String(rendition))))}
    >
      <Label className={field.label}>{label}</Label>
      {ALL_RENDITIONS.map((rendition) => (
        <Checkbox
          key={rendition}
          value={String(rendition)}
          variant="card"
          hint={renditionUnavailable(take, rendition) ?? hintOf(rendition, sourceHeight)}
          isDisabled={renditionUnavailable(take, rendition) !== null}
        >
          {renditionLabel(rendition)}
        </Checkbox>
      ))}
      <Text slot="description" className={field.description}>
        Smaller sizes suit learners on slow connections; audio only is for listening on the go.
      </Text>
    </CheckboxGroup>
  );
}

function hintOf(rendition: Rendition, sourceHeight: number | null): string {
  if (rendition === 0) return 'Sound only (M4A)';
  if (sourceHeight !== null && rendition > sourceHeight) return `Recorded at ${sourceHeight}p, so it stays that size`;
  return rendition === 1080
    ? 'Full HD'
    : rendition === 720
      ? 'HD'
      : rendition === 480
        ? 'For slower connections'
        : 'Smallest file';
}
