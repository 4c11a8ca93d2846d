import type { ReactNode } from 'react';
import { MenuTrigger } from 'react-aria-components';
import {
  ArrowRight,
  Bookmark,
  EyeOff,
  Highlighter,
  MessageCircleQuestionMark,
  MessageSquarePlus,
  Pause,
  Play,
  Scissors,
  SquareDashed,
  Type,
} from 'lucide-react';
import type { CalloutKind } from '@shared/editor/document';
import { formatTimecode } from '@shared/timeline';
import { Button } from '../../ui/Button';
import { MenuItem, MenuList, MenuPopover } from '../../ui/Menu';
import type { EditorActions } from './useEditorActions';
import type { LessonPlayer } from './playback/lessonPlayer';
import { usePlayerState } from './playback/usePlayer';
import styles from './TransportBar.module.css';

const CALLOUT_KINDS: { kind: CalloutKind; label: string; icon: ReactNode }[] = [
  { kind: 'text', label: 'Text', icon: <Type size={16} /> },
  { kind: 'arrow', label: 'Arrow', icon: <ArrowRight size={16} /> },
  { kind: 'highlight', label: 'Highlight', icon: <Highlighter size={16} /> },
  { kind: 'blur', label: 'Blur', icon: <EyeOff size={16} /> },
];

function Clock({ player, durationMs }: { player: LessonPlayer; durationMs: number }) {
  const lessonMs = usePlayerState(player, (state) => Math.round(state.lessonMs / 100));
  return (
    <span className={styles.clock} aria-label="Playhead and lesson length">
      <span data-testid="lesson-time">{formatTimecode(lessonMs * 100)}</span>
      <span className={styles.secondary} aria-hidden="true">
        /
      </span>
      <span className={styles.secondary} data-testid="lesson-duration">
        {formatTimecode(durationMs)}
      </span>
    </span>
  );
}

/** Play, the clock, and the edits made at the playhead. */
export function TransportBar({
  player,
  actions,
  durationMs,
}: {
  player: LessonPlayer;
  actions: EditorActions;
  durationMs: number;
}) {
  const playing = usePlayerState(player, (state) => state.playing);
  return (
    <div className={styles.transport} role="toolbar" aria-label="Playback and editing">
      <Button variant="primary" className={styles.play} onPress={player.toggle} aria-label={playing ? 'Pause' : 'Play'}>
        {playing ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
      </Button>
      <Clock player={player} durationMs={durationMs} />
      <span className={styles.gap} />
      <Button variant="ghost" className={styles.tool} onPress={actions.trimStartHere}>
        <SquareDashed size={16} aria-hidden="true" />
        Trim start here
      </Button>
      <Button variant="ghost" className={styles.tool} onPress={actions.trimEndHere}>
        <SquareDashed size={16} aria-hidden="true" />
        Trim end here
      </Button>
      <Button variant="ghost" className={styles.tool} onPress={actions.split}>
        <Scissors size={16} aria-hidden="true" />
        Split
      </Button>
      <Button variant="ghost" className={styles.tool} onPress={actions.addMarker}>
        <Bookmark size={16} aria-hidden="true" />
        Key moment
      </Button>
      <Button variant="ghost" className={styles.tool} onPress={actions.addQuestion}>
        <MessageCircleQuestionMark size={16} aria-hidden="true" />
        Question
      </Button>
      <MenuTrigger>
        <Button variant="ghost" className={styles.tool}>
          <MessageSquarePlus size={16} aria-hidden="true" />
          Callout
        </Button>
        <MenuPopover placement="bottom end">
          <MenuList aria-label="Add a callout" onAction={(key) => actions.addCallout(key as CalloutKind)}>
            {CALLOUT_KINDS.map(({ kind, label, icon }) => (
              <MenuItem key={kind} id={kind} textValue={label} icon={icon}>
                {label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </MenuTrigger>
    </div>
  );
}
