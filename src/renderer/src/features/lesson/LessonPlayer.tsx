import { useEffect, useMemo, useState } from 'react';
import type { LessonDocument } from '@shared/editor/document';
import type { Render } from '@shared/media/renders';
import type { Take } from '@shared/media/takes';
import type { LessonPackage } from '@shared/player';
import { forWatching } from '@shared/player/watching';
import { cx } from '../../lib/classNames';
import { mediaUrl } from '../../studio';
import { buildPreview, previewTracks } from '../checkpoints/previewPackage';
import { useMountedPlayer } from '../checkpoints/useMountedPlayer';
import styles from './LessonPlayer.module.css';

interface LessonPlayerProps {
  doc: LessonDocument;
  take: Take;
  renders: readonly Render[];
  title: string;
}

/**
 * The lesson as edited, in the learner's own player: the newest up-to-date render, or else the recording played
 * through its cuts with the camera and callouts drawn over it, exactly as Preview as learner shows it. Without the
 * questions, so the teacher can watch and jump freely.
 */
export function LessonPlayer({ doc, take, renders, title }: LessonPlayerProps) {
  const captions = useCaptionUrls(doc);
  const screen = take.files.find((file) => file.role === 'screen') ?? take.files.find((file) => file.role === 'audio');
  const camera = take.files.find((file) => file.role === 'camera');
  const built = buildPreview({
    doc,
    file: screen ?? camera,
    camera: screen ? camera : undefined,
    captions,
    renders,
    title,
    mediaUrl,
    pageUrl: window.location.href,
  });
  const lesson = useSteady(built.ok ? forWatching(built.lesson) : null);
  return (
    <section
      className={cx(styles.player, lesson && hasSidePanel(lesson) && styles.withSide)}
      aria-label="The lesson as learners see it"
    >
      {lesson ? <Mounted lesson={lesson} /> : <p className={styles.error}>{built.ok ? null : built.message}</p>}
      {built.ok && built.note && <p className="hint">{built.note}</p>}
    </section>
  );
}

/**
 * The player's place while the lesson's edit loads: the player's own frame (its padding, a 16:9 picture over its
 * controls), so the sections below do not move under the teacher's pointer when the player comes in.
 */
export function LessonPlayerPlace() {
  return (
    <section className={styles.player} aria-label="The lesson as learners see it" aria-busy="true">
      <div className={cx(styles.mount, styles.place)}>
        <div className={styles.placePicture} />
        <div className={styles.placeControls} />
      </div>
    </section>
  );
}

/** The player shows its side panel (contents, notes, transcript) beside the picture when it has any of them. */
function hasSidePanel(lesson: LessonPackage): boolean {
  return lesson.chapters.length > 0 || lesson.notes !== undefined || lesson.media.captions.length > 0;
}

function Mounted({ lesson }: { lesson: LessonPackage }) {
  const root = useMountedPlayer(lesson, false, 0, false);
  return <div ref={root} className={styles.mount} data-testid="lesson-player" />;
}

/** The captions as a package carries them, each track a Blob address made once per document and let go after. */
function useCaptionUrls(doc: LessonDocument) {
  const captions = useMemo(
    () =>
      previewTracks(doc).map(({ label, srclang, text }) => ({
        label,
        srclang,
        src: URL.createObjectURL(new Blob([text], { type: 'text/vtt' })),
      })),
    [doc],
  );
  useEffect(() => () => captions.forEach((track) => URL.revokeObjectURL(track.src)), [captions]);
  return captions;
}

/**
 * The same package object for as long as its contents are the same: the renders list reloads whenever a render
 * starts, and a new object would restart the player under the teacher's hands.
 */
function useSteady(lesson: LessonPackage | null): LessonPackage | null {
  const json = JSON.stringify(lesson);
  const [kept, setKept] = useState({ json, lesson });
  if (kept.json !== json) {
    setKept({ json, lesson });
    return lesson;
  }
  return kept.lesson;
}
