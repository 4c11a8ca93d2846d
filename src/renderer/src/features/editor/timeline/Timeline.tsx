import { useMemo, useRef } from 'react';
import type { LessonDocument } from '@shared/editor/document';
import * as commands from '@shared/editor/commands';
import { removedRanges, type RemovedRange } from '@shared/editor/removedRanges';
import { createLessonMap, placeAnchors, placeCallouts, segments as segmentsOf } from '@shared/timeline';
import type { Editor } from '../useEditor';
import { ONLY, type EditorActions } from '../useEditorActions';
import type { LessonPlayer } from '../playback/lessonPlayer';
import type { DerivedSource } from '../media/derivedSource';
import { selectedRange } from '../selection';
import { QuestionLane } from './QuestionLane';
import { AnchorLanes } from './AnchorLanes';
import { CutEdges } from './CutEdges';
import { Filmstrip } from './Filmstrip';
import { HiddenCameraBands } from './HiddenCameraBands';
import { KeyboardHelp } from './KeyboardHelp';
import { Playhead } from './Playhead';
import { RangeMenu } from './RangeMenu';
import { Segments } from './Segments';
import { TimelineRuler } from './TimelineRuler';
import { useScrub } from './useScrub';
import { useTimelineView } from './useTimelineView';
import { Waveform } from './Waveform';
import { ZoomSlider } from './ZoomSlider';

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
    onSelectRange: (from, to) =>
      actions.select({ inMs: map.lessonToSource(from), outMs: map.lessonToSource(to), segmentAt: null }),
    onClickAt: (lessonMs) =>
      actions.select({
        segmentAt: map.lessonToSource(lessonMs),
        inMs: null,
        outMs: null,
        calloutId: null,
        markerId: null,
        checkpointId: null,
      }),
  });

  const restore = (gap: RemovedRange) => {
    if (gap.kind === 'trim-start') editor.run(commands.trimStart, { at: 0 });
    else if (gap.kind === 'trim-end') editor.run(commands.trimEnd, { at: doc.editList.sourceDuration });
    else editor.run(commands.restoreCut, { at: gap.start });
  };

  return (
    <section className="timeline" aria-label="Timeline" tabIndex={0}>
      <div className="timeline-bar">
        <span className="timeline-info">
          {range
            ? 'In–out range selected: Delete cuts it'
            : selection.segmentAt !== null
              ? 'Segment selected: Delete cuts it'
              : 'Click to move the playhead, Shift-drag to select'}
        </span>
        {range && (
          <RangeMenu
            hasCamera={hasCamera}
            onCut={actions.deleteSelection}
            onHideCamera={actions.hideCameraInSelection}
          />
        )}
        <ZoomSlider zoom={view.zoom} onChange={(zoom) => view.setZoom(zoom)} />
        <KeyboardHelp />
      </div>
      <div className="timeline-scroll" ref={scroller} onScroll={view.onScroll}>
        <div className="timeline-content" ref={content} style={{ width: view.contentWidth }} {...scrub}>
          <TimelineRuler view={view} durationMs={map.duration} />
          <div className="track">
            <Filmstrip view={view} map={map} source={derived} />
            <Waveform view={view} map={map} source={derived} />
            <Segments view={view} segments={segments} selectedAt={selection.segmentAt} />
            {hasCamera && <HiddenCameraBands view={view} map={map} hidden={doc.layout.hidden} />}
            <CutEdges view={view} removed={removed} onRestore={restore} />
          </div>
          <AnchorLanes
            view={view}
            markers={markers}
            callouts={callouts}
            selectedMarkerId={selection.markerId}
            selectedCalloutId={selection.calloutId}
            onMarker={(marker) => {
              actions.select(ONLY.marker(marker.id));
              actions.jumpTo(marker.lessonMs);
            }}
            onMoveMarker={(marker, lessonMs) =>
              editor.run(commands.moveMarker, { id: marker.id, sourceMs: map.lessonToSource(lessonMs) })
            }
            onCallout={(callout) => {
              actions.select(ONLY.callout(callout.id));
              actions.jumpTo(callout.lessonStart);
            }}
          />
          <QuestionLane
            view={view}
            questions={questions}
            selectedId={selection.checkpointId}
            onSelect={(question) => {
              actions.select(ONLY.checkpoint(question.id));
              actions.jumpTo(question.lessonMs);
            }}
            onEdit={(question) => onEditQuestion(question.id)}
            onMove={(question, lessonMs) => {
              // Selecting seals the undo history, so only when it changes: repeated nudges must merge into one step.
              if (selection.checkpointId !== question.id) actions.select(ONLY.checkpoint(question.id));
              editor.run(commands.moveCheckpoint, { id: question.id, sourceMs: map.lessonToSource(lessonMs) });
            }}
          />
          {rangeLesson && (
            <div
              className="selection-range"
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
