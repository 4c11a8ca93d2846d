import { useCallback } from 'react';
import type { Take } from '@shared/media/takes';
import { formatClock } from '@shared/format/clock';
import { BackLink } from '../../ui/BackLink';
import { Button } from '../../ui/Button';
import { useToast } from '../../ui/Toast';
import { useLessonInfo } from '../lesson/useLessonInfo';
import { RecorderPreview } from './RecorderPreview';
import { RecorderSetupPanel } from './RecorderSetupPanel';
import { RecordingBar } from './RecordingBar';
import { ScreenPickerDialog } from './ScreenPickerDialog';
import { usesScreen } from './mediaDevices';
import { useRecorderSetup } from './useRecorderSetup';
import { useRecordingControl, type RecorderPhase } from './useRecordingControl';
import { quoted } from '../../ui/Quoted';
import styles from './RecorderScreen.module.css';

const ANNOUNCE: Partial<Record<RecorderPhase, string>> = {
  countdown: 'Recording starts in 3 seconds',
  recording: 'Recording',
  paused: 'Recording paused',
  stopping: 'Saving the recording',
};

/** The recorder: a big preview on the left, the choices and controls on the right. */
export function RecorderScreen({ lessonId, onDone }: { lessonId: string; onDone: (take: Take) => void }) {
  const info = useLessonInfo(lessonId);
  const toast = useToast();
  const setup = useRecorderSetup();
  const onSaved = useCallback(
    (take: Take, notice: string | null) => {
      setup.screen.release();
      // The take ended by itself: the recorder's notice goes away with it, so the reason goes with the teacher.
      if (notice) toast.show({ message: notice });
      toast.show({ message: `Recording saved (${formatClock(take.durationMs)})` });
      onDone(take);
    },
    [setup.screen, toast, onDone],
  );
  const control = useRecordingControl({ lessonId, onSaved });
  const isSetup = control.phase === 'setup' || control.phase === 'countdown' || control.phase === 'starting';
  const announcement = ANNOUNCE[control.phase] ?? '';

  const record = async () => {
    let streams = setup.streams();
    if (usesScreen(setup.mode) && !streams.screen) {
      const screen = await setup.screen.choose();
      if (!screen) return;
      streams = { ...streams, screen };
    }
    control.start(streams, setup.countdownOn);
  };

  const notices = [control.notice, ...setup.problems].filter((notice): notice is string => notice !== null);
  const title = info.data?.lesson.title;

  return (
    <main className={styles.recorder} aria-labelledby="page-title">
      <div className={styles.top}>
        {isSetup ? (
          <BackLink href={`#/lesson/${encodeURIComponent(lessonId)}`}>{title ? <bdi>{title}</bdi> : 'Lesson'}</BackLink>
        ) : (
          <span className={styles.backPlaceholder} aria-hidden="true" />
        )}
        <h1 id="page-title" className={styles.title}>
          {title ? quoted('Record ', title, '') : 'Record'}
        </h1>
      </div>
      <div className={styles.layout}>
        <RecorderPreview
          mode={setup.mode}
          screen={setup.screen.stream}
          camera={setup.camera.stream}
          countdown={control.countdown}
          onChooseScreen={() => void setup.screen.choose()}
          canChoose={isSetup}
        />
        <aside className={styles.panel} aria-label="Recording controls">
          {isSetup ? (
            <RecorderSetupPanel
              setup={setup}
              onChooseScreen={() => void setup.screen.choose()}
              onRecord={() => void record()}
              isBusy={control.phase !== 'setup'}
            />
          ) : (
            <RecordingBar control={control} setup={setup} />
          )}
          {control.phase === 'countdown' && (
            <Button className={styles.cancelCountdown} onPress={control.cancelCountdown} autoFocus>
              Cancel countdown
            </Button>
          )}
          <div className={styles.notices} aria-live="polite">
            <span className="visually-hidden">{announcement}</span>
            {notices.map((notice) => (
              <p key={notice} className={styles.notice}>
                {notice}
              </p>
            ))}
          </div>
        </aside>
      </div>
      <ScreenPickerDialog
        sources={setup.screen.sources}
        onPick={(id) => void setup.screen.pick(id)}
        onClose={setup.screen.closePicker}
      />
    </main>
  );
}
