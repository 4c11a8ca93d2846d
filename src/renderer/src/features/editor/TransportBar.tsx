import type { ReactNode } from 'react';
import { MenuTrigger } from 'react-aria-components';
import {
  ArrowRight,
  ArrowRightFromLine,
  ArrowRightToLine,
  Bookmark,
  EyeOff,
  Highlighter,
  MessageCircleQuestionMark,
  MessageSquarePlus,
  Pause,
  Play,
  Scissors,
  Type,
} from 'lucide-react';
import type { CalloutKind } from '@shared/editor/document';
import { formatTimecode } from '@shared/timeline';
import { Button } from '../../ui/Button';
import { MenuItem, MenuList, MenuPopover } from '../../ui/Menu';
import { Tooltip } from '../../ui/Tooltip';
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

interface ToolProps {
  label: string;
  /** Said on hover and focus: what it does, and its key. */
  tip: string;
  icon: ReactNode;
  onPress: () => void;
  /** Only its icon shows when the toolbar is narrow (its label still names it). */
  compact?: boolean;
}

function Tool({ label, tip, icon, onPress, compact = false }: ToolProps) {
  return (
    <Tooltip text={tip}>
      <Button variant="ghost" className={styles.tool} onPress={onPress}>
        {icon}
        <span className={compact ? styles.compactLabel : undefined}>{label}</span>
      </Button>
    </Tooltip>
  );
}

/**
 * Play, the clock, and the edits made at the playhead. It fits any width from 1024 px windows up: when narrow, the
 * trim and split tools show only their icons (their labels stay their names, and a tooltip says them).
 */
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
      <Tooltip text={playing ? 'Pause (Space)' : 'Play (Space)'}>
        <Button
          variant="primary"
          className={styles.play}
          onPress={player.toggle}
          aria-label={playing ? 'Pause' : 'Play'}
        >
          {playing ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
        </Button>
      </Tooltip>
      <Clock player={player} durationMs={durationMs} />
      <span className={styles.gap} />
      <Tool
        compact
        label="Trim start here"
        tip="Trim start here: the part you keep starts at the playhead"
        icon={<ArrowRightFromLine size={16} aria-hidden="true" />}
        onPress={actions.trimStartHere}
      />
      <Tool
        compact
        label="Trim end here"
        tip="Trim end here: the part you keep ends at the playhead"
        icon={<ArrowRightToLine size={16} aria-hidden="true" />}
        onPress={actions.trimEndHere}
      />
      <Tool
        compact
        label="Split"
        tip="Split at the playhead (S)"
        icon={<Scissors size={16} aria-hidden="true" />}
        onPress={actions.split}
      />
      <span className={styles.divider} aria-hidden="true" />
      <Tool
        label="Key moment"
        tip="Add a key moment at the playhead (M)"
        icon={<Bookmark size={16} aria-hidden="true" />}
        onPress={actions.addMarker}
      />
      <Tool
        label="Question"
        tip="Add a question at the playhead (Q)"
        icon={<MessageCircleQuestionMark size={16} aria-hidden="true" />}
        onPress={actions.addQuestion}
      />
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
