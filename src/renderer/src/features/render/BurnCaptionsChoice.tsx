import { Checkbox } from '../../ui/Checkbox';
import { Radio, RadioGroup } from '../../ui/Radio';

interface BurnCaptionsChoiceProps {
  /** The lesson's captions, one per language (burnableTracks). */
  tracks: readonly { language: string; label: string }[];
  /** The language to burn in, or null for none. */
  value: string | null;
  onChange: (language: string | null) => void;
}

/**
 * Whether to draw the lesson's captions into the picture, and which language. Offered disabled, saying why, when the
 * lesson has no captions.
 */
export function BurnCaptionsChoice({ tracks, value, onChange }: BurnCaptionsChoiceProps) {
  const [first] = tracks;
  const only = tracks.length === 1 ? first : undefined;
  return (
    <>
      <Checkbox
        variant="card"
        isSelected={value !== null}
        isDisabled={!first}
        onChange={(selected) => onChange(selected && first ? first.language : null)}
        hint={
          first
            ? 'Always on screen, in any player, and cannot be turned off. Saved copies still carry the captions as a track too.'
            : 'This lesson has no captions yet. Add them in the editor’s Captions panel to burn them in.'
        }
      >
        {only ? `Captions burned into the picture (${only.label})` : 'Captions burned into the picture'}
      </Checkbox>
      {value !== null && tracks.length > 1 && (
        <RadioGroup label="Captions to burn in" value={value} onChange={onChange}>
          {tracks.map((track) => (
            <Radio key={track.language} value={track.language}>
              {track.label}
            </Radio>
          ))}
        </RadioGroup>
      )}
    </>
  );
}
