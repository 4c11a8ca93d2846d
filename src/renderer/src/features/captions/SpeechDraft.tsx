import { Label, ProgressBar } from 'react-aria-components';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';
import type { DraftState } from './useSpeechDraft';
import styles from './CaptionsPanel.module.css';

interface SpeechDraftProps {
  state: DraftState;
  onCancel: () => void;
  onDismiss: () => void;
}

/** Where a speech draft stands: how far it has heard, what went wrong, or how to get a recogniser. */
export function SpeechDraft({ state, onCancel, onDismiss }: SpeechDraftProps) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') {
    const percent = state.job ? Math.round(state.job.fraction * 100) : null;
    const stage = state.job?.stage === 'listening' ? 'Listening to the lesson…' : 'Taking the sound out of the take…';
    return (
      <div className={styles.draft}>
        <ProgressBar value={percent ?? 0} isIndeterminate={percent === null} aria-label="Caption draft from speech">
          <ProgressHead label={<Label>{stage}</Label>} value={percent === null ? '' : `${String(percent)}%`} />
          <ProgressTrack percent={percent} />
        </ProgressBar>
        <Button size="sm" onPress={onCancel}>
          Cancel draft
        </Button>
      </div>
    );
  }
  const message =
    state.kind === 'unavailable'
      ? `There is no speech recogniser on this computer. ${state.engine?.howToGet ?? ''}`
      : state.kind === 'failed'
        ? state.message
        : `The draft has ${String(state.count)} captions: play the lesson and correct them. Undo brings back what was here.`;
  return (
    <Banner tone={state.kind === 'done' ? 'info' : 'error'} role={state.kind === 'done' ? 'status' : 'alert'}>
      <p className={styles.draftText}>{message}</p>
      <Button size="sm" variant="ghost" onPress={onDismiss}>
        OK
      </Button>
    </Banner>
  );
}
