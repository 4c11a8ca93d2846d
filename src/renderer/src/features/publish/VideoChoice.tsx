import type { PublishVideo } from '@shared/publish/options';
import { Radio, RadioGroup } from '../../ui/Radio';

interface VideoChoiceProps {
  value: PublishVideo;
  onChange: (value: PublishVideo) => void;
  playerVideo: { possible: boolean; reason: string | null };
}

/** How the lesson's picture goes into the package: the cut recording for the player to draw over, or renders. */
export function VideoChoice({ value, onChange, playerVideo }: VideoChoiceProps) {
  return (
    <RadioGroup
      label="Video"
      layout="column"
      value={value}
      onChange={(next) => onChange(next as PublishVideo)}
      note={
        playerVideo.possible ? undefined : (
          <p className="hint">
            The recording cannot go into the package as it is ({playerVideo.reason ?? 'its format'}), so the lesson
            needs a render.
          </p>
        )
      }
    >
      <Radio
        value="player"
        variant="card"
        isDisabled={!playerVideo.possible}
        hint="Ready in seconds, no render needed: the cuts are copied as recorded, and the player shows your camera and callouts over the screen. Learners can move or hide the camera."
      >
        The recording, with the camera drawn by the player
      </Radio>
      <Radio
        value="renders"
        variant="card"
        hint="Everything drawn into one video per size, from the renders on this screen. For places that need a single file."
      >
        Rendered video files
      </Radio>
    </RadioGroup>
  );
}
