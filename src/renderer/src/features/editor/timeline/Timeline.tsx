import { useMemo, useRef } from 'react';
import type { LessonDocument } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { removedRanges, type RemovedRange } from '@shared/editor/removedRanges';
import { createLessonMap, placeAnchors, placeCallouts, segments as segmentsOf } from '@shared/timeline';
import type { Editor } from '../useEditor';
import type { EditorActions } from '../useEditorActions';
import type { LessonPlayer } from '../playback/lessonPlayer';
import type { DerivedSource } from '../media/derivedSource';
import { SELECT, selectedId, selectedRange, summarizeSelection } from '../selection';
import { QuestionLane } from './QuestionLane';
import { AnchorLanes } from './AnchorLanes';
import { CutEdges } from './CutEdges';
import { Filmstrip } from './Filmstrip';
import { HiddenCameraBands } from './HiddenCameraBands';
import { KeyboardHelp } from './KeyboardHelp';
import { Playhead } from './Playhead';
import { Segments } from './Segments';
import { SelectionBar } from './SelectionBar';
import { TimelineRuler } from './TimelineRuler';
import { useScrub } from './useScrub';
import { useTimelineView } from './useTimelineView';
import { Waveform } from './Waveform';
import { ZoomSlider } from './ZoomSlider';
import styles from './Timeline.module.css';

interface TimelineProps {
  doc: LessonDocument;
  editor: Editor;
  player: LessonPlayer;
  actions: EditorActions;
  derived: DerivedSource | null;
  onEditQuestion: (id: string) => void;
  hasCamera: boolean;
}

/** The lesson as edited, in lesson time: ruler, kept segments with filmstrip and waveform, cut edges, anchors. */
export function Timeline({ doc, editor, player, actions, derived, onEditQuestion, hasCamera }: TimelineProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const map = useMemo(() => createLessonMap(doc.editList), [doc.editList]);
  const view = useTimelineView(scroller, map.duration);
  const segments = useMemo(() => segmentsOf(doc.editList), [doc.editList]);
  const removed = useMemo(() => removedRanges(doc.editList), [doc.editList]);
  const markers = useMemo(() => placeAnchors(doc.editList, doc.markers), [doc.editList, doc.markers]);
  const callouts = useMemo(() => placeCallouts(doc.editList, doc.callouts), [doc.editList, doc.callouts]);
  const questions = useMemo(() => placeAnchors(doc.editList, doc.checkpoints), [doc.editList, doc.checkpoints]);
  const { selection } = actions;
  const range = selectedRange(selection);
  const rangeLesson = range && {
    start: map.sourceToLesson(range.start).lessonMs,
    end: map.sourceToLesson(range.end).lessonMs,
  };
  const snapTargets = useMemo(
    () => [
      0,
      map.duration,
      ...map.spans.map((span) => span.lessonStart),
      ...markers.map((marker) => marker.lessonMs),
      ...questions.map((question) => question.lessonMs),
    ],
    [map, markers, questions],
  );

  const scrub = useScrub({
    content,
    pxPerMs: view.pxPerMs,
    durationMs: map.duration,
    snapTargets,
    onSeek: actions.jumpTo,
    onSelectRange: (from, to) => actions.select(SELECT.part(map.lessonToSource(from), map.lessonToSource(to))),
    onClickAt: (lessonMs) => actions.select(SELECT.section(map.lessonToSource(lessonMs))),
  });

  const restore = (gap: RemovedRange) => {
    if (gap.kind === 'trim-start') editor.run(commands.trimStart, { at: 0 });
    else if (gap.kind === 'trim-end') editor.run(commands.trimEnd, { at: doc.editList.sourceDuration });
    else editor.run(commands.restoreCut, { at: gap.start });
  };

  return (
    <section className={styles.timeline} aria-label="Timeline" tabIndex={0}>
      <div className={styles.bar}>
        <SelectionBar
          summary={summarizeSelection(selection, doc)}
          canHideCamera={hasCamera && range !== null}
          onDelete={actions.deleteSelection}
          onHideCamera={actions.hideCameraInSelection}
          onClear={actions.clearSelection}
        />
        <ZoomSlider zoom={view.zoom} onChange={(zoom) => view.setZoom(zoom)} />
        <KeyboardHelp />
      </div>
      <div className={styles.scroll} ref={scroller} onScroll={view.onScroll} data-testid="timeline-scroll">
        <div
          className={styles.content}
          ref={content}
          style={{ width: view.contentWidth }}
          data-testid="timeline-content"
          {...scrub}
        >
          <TimelineRuler view={view} durationMs={map.duration} />
          <div className={styles.track}>
            <Filmstrip view={view} map={map} source={derived} />
            <Waveform view={view} map={map} source={derived} />
            <Segments
              view={view}
              segments={segments}
              selectedAt={selection.kind === 'section' ? selection.atMs : null}
            />
            {hasCamera && <HiddenCameraBands view={view} map={map} hidden={doc.layout.hidden} />}
            <CutEdges view={view} removed={removed} onRestore={restore} />
          </div>
          <AnchorLanes
            view={view}
            markers={markers}
            callouts={callouts}
            selectedMarkerId={selectedId(selection, 'marker')}
            selectedCalloutId={selectedId(selection, 'callout')}
            onMarker={(marker) => {
              actions.select(SELECT.marker(marker.id));
              actions.jumpTo(marker.lessonMs);
            }}
            onFocusMarker={(marker) => actions.select(SELECT.marker(marker.id))}
            onFocusCallout={(callout) => actions.select(SELECT.callout(callout.id))}
            onMoveMarker={(marker, lessonMs) =>
              editor.run(commands.moveMarker, { id: marker.id, sourceMs: map.lessonToSource(lessonMs) })
            }
            onCallout={(callout) => {
              actions.select(SELECT.callout(callout.id));
              actions.jumpTo(callout.lessonStart);
            }}
          />
          <QuestionLane
            view={view}
            questions={questions}
            selectedId={selectedId(selection, 'checkpoint')}
            onSelect={(question) => {
              actions.select(SELECT.checkpoint(question.id));
              actions.jumpTo(question.lessonMs);
            }}
            onFocusQuestion={(question) => actions.select(SELECT.checkpoint(question.id))}
            onEdit={(question) => onEditQuestion(question.id)}
            onMove={(question, lessonMs) => {
              actions.select(SELECT.checkpoint(question.id));
              editor.run(commands.moveCheckpoint, { id: question.id, sourceMs: map.lessonToSource(lessonMs) });
            }}
          />
          {rangeLesson && (
            <div
              className={styles.selection}
              style={{
                left: rangeLesson.start * view.pxPerMs,
                width: (rangeLesson.end - rangeLesson.start) * view.pxPerMs,
              }}
              aria-hidden="true"
            />
          )}
          <Playhead view={view} player={player} />
        </div>
      </div>
    </section>
  );
}
