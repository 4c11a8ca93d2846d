import { useMemo } from 'react';
import { EyeOff, Eye } from 'lucide-react';
import type { CameraLayout } from '@shared/editor/document';
import type { ReadonlyEditList } from '@shared/timeline';
import { createLessonMap, formatTimecodeRange } from '@shared/timeline';
import * as commands from '@shared/editor/commands';
import { Button } from '../../../ui/Button';
import field from '../../../ui/Field.module.css';
import type { Editor } from '../useEditor';
import styles from './HiddenCameraRanges.module.css';

interface HiddenCameraRangesProps {
  layout: CameraLayout;
  editList: ReadonlyEditList;
  editor: Editor;
  /** The part chosen on the timeline, in source time, when there is one. */
  selected: { start: number; end: number } | null;
  onHide: () => void;
}

/** Where the camera is hidden, in lesson time, with a way to hide it over the selection and to show it again. */
export function HiddenCameraRanges({ layout, editList, editor, selected, onHide }: HiddenCameraRangesProps) {
  const map = useMemo(() => createLessonMap(editList), [editList]);
  const lessonRange = (range: { start: number; end: number }) =>
    formatTimecodeRange(map.sourceToLesson(range.start).lessonMs, map.sourceToLesson(range.end).lessonMs);
  return (
    <section className={styles.ranges} aria-labelledby="hidden-ranges-title">
      <div className={styles.head}>
        <h3 id="hidden-ranges-title" className={field.label}>
          Hidden camera
        </h3>
        <Button variant="secondary" size="sm" isDisabled={!selected} onPress={onHide}>
          <EyeOff size={14} aria-hidden="true" />
          Hide camera here
        </Button>
      </div>
      <p className={styles.hint}>
        {selected
          ? `Hides the bubble over ${lessonRange(selected)}.`
          : 'Drag along the timeline to choose a part, then hide the bubble there.'}
      </p>
      {layout.hidden.length > 0 && (
        <ul className={styles.list} aria-label="Ranges where the camera is hidden">
          {layout.hidden.map((range) => (
            <li key={range.start} className={styles.range}>
              <span className={styles.time}>{lessonRange(range)}</span>
              <Button
                variant="ghost"
                size="sm"
                onPress={() => editor.run(commands.showCameraRange, range)}
                aria-label={`Show camera again over ${lessonRange(range)}`}
              >
                <Eye size={14} aria-hidden="true" />
                Show camera again
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
