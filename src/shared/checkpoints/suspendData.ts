import { z } from 'zod';
import { freshState, roundScore, type CheckpointRecord, type LearnerState } from './learnerState';
import type { Checkpoint } from './schema';
import type { CheckpointResponse } from './scoring';
import { decodeWatched, encodeWatched } from './watchedCodec';
import { truncateCodePoints } from '../format/text';
import { sha256Hex } from './sha256';

/** SCORM 1.2's cmi.suspend_data holds 4096 characters; we keep a margin for LMSs that count differently. */
export const SUSPEND_MAX = 4000;
/** Version prefix: a future format gets "FS2:" and a decoder that migrates FS1 text through it. */
const PREFIX = 'FS1:';
/** Longer input is refused before parsing: nothing we write is that long, and a hostile blob must stay cheap. */
const INPUT_MAX = 65_536;
/** Code points kept of a typed answer, tried in order until the whole state fits. */
const TEXT_CAPS = [160, 80, 40, 20, 8, 0];
const BUCKET_SECONDS = [1, 2, 4, 8, 16, 32, 64];

/** What both ends must agree on: the lesson's full checkpoint list, in the teacher's order (removed ones included). */
export interface SuspendLesson {
  readonly durationMs: number;
  readonly checkpoints: readonly Checkpoint[];
}

export interface DeserializeResult {
  readonly state: LearnerState;
  /** The progress was saved against other questions (a re-published lesson whose questions changed): not resumed. */
  readonly questionsChanged: boolean;
  /** Shown in the debug panel; empty when the text was read as written. */
  readonly warnings: string[];
}

// One attempt row: [checkpoint index, first 4 characters of its id, count, flags (1 correct, 2 skipped), score, response?].
// Indexes keep rows short; the id tag finds the right checkpoint again if a re-published lesson reordered them.
type Row = [number, string, number, number, number, ...unknown[]];

export function serializeState(state: LearnerState, lesson: SuspendLesson): string {
  for (const bucketSec of BUCKET_SECONDS) {
    const watched = encodeWatched(state.watched, lesson.durationMs, bucketSec);
    for (const cap of TEXT_CAPS) {
      const text = encode(state, lesson, watched, bucketSec, cap);
      if (text.length <= SUSPEND_MAX) return text;
    }
  }
  // Unreachable for lessons within CHECKPOINTS_MAX and under ~60 hours; still, never hand the LMS an oversized value.
  return encode({ ...state, watched: [] }, lesson, 'r', 1, 0);
}

function encode(
  state: LearnerState,
  lesson: SuspendLesson,
  watched: string,
  bucketSec: number,
  textCap: number,
): string {
  const rows: Row[] = [];
  lesson.checkpoints.forEach((checkpoint, index) => {
    const record = Object.hasOwn(state.attempts, checkpoint.id) ? state.attempts[checkpoint.id] : undefined;
    if (!record) return;
    const row: Row = [
      index,
      checkpoint.id.slice(0, 4),
      record.count,
      (record.correct ? 1 : 0) | (record.skipped ? 2 : 0),
      roundScore(record.score),
    ];
    const response = record.response && encodeResponse(checkpoint, record.response, textCap);
    if (response !== undefined) row.push(response);
    rows.push(row);
  });
  const payload = {
    k: questionsKey(lesson.checkpoints),
    p: state.positionMs,
    f: state.furthestMs,
    r: state.playbackRate,
    q: bucketSec,
    w: watched,
    a: rows,
  };
  return PREFIX + asciiJson(payload);
}

/**
 * What the saved answers mean, in 8 hex digits: each question's id, type, points and what counts as right. A new
 * version of a lesson whose questions changed must not hand a learner their old answers, score and place; a new video
 * (re-cut, re-rendered) or a reworded prompt or feedback keeps them. A short answer's accepted texts are not part of
 * it: a package keeps them only as hashes salted anew at every publish.
 */
export function questionsKey(checkpoints: readonly Checkpoint[]): string {
  // In id order: moving a question in time (or the teacher's list) changes nothing it means.
  const meaning = [...checkpoints]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((checkpoint) => {
      const base = [checkpoint.id, checkpoint.type, checkpoint.points];
      switch (checkpoint.type) {
        case 'single':
          return [...base, checkpoint.choices.map((choice) => [choice.id, choice.correct])];
        case 'multiple':
          return [...base, checkpoint.partialCredit, checkpoint.choices.map((choice) => [choice.id, choice.correct])];
        case 'trueFalse':
          return [...base, checkpoint.answer];
        case 'shortAnswer':
          return [...base, checkpoint.matching];
        case 'numeric':
          return [...base, checkpoint.answer];
      }
    });
  return sha256Hex(JSON.stringify(meaning)).slice(0, 8);
}

function encodeResponse(checkpoint: Checkpoint, response: CheckpointResponse, textCap: number): unknown {
  if (response.type === 'single' && checkpoint.type === 'single') {
    const index = checkpoint.choices.findIndex((choice) => choice.id === response.choiceId);
    return index < 0 ? undefined : index;
  }
  if (response.type === 'multiple' && checkpoint.type === 'multiple') {
    return response.choiceIds
      .map((id) => checkpoint.choices.findIndex((choice) => choice.id === id))
      .filter((index) => index >= 0);
  }
  if (response.type === 'trueFalse') return response.value ? 1 : 0;
  if (response.type === 'shortAnswer' || response.type === 'numeric')
    return textCap === 0 ? undefined : truncateCodePoints(response.text, textCap);
  return undefined;
}

// Plain ASCII: some SCORM 1.2 runtimes mangle UTF-8 or count bytes, and \uXXXX escapes survive both.
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const payloadSchema = z.object({
  k: z.string().max(16).optional(),
  p: z.number(),
  f: z.number(),
  r: z.number(),
  q: z.number().int().min(1).max(3600),
  w: z.string().max(INPUT_MAX),
  a: z.array(z.array(z.unknown()).min(5).max(6)).max(1000),
});

/**
 * Reads suspend data back against the lesson it belongs to. Never throws: an LMS can hand back anything (a value from
 * an older package, another tool's data, a hostile string), and the player must still start. What cannot be read is
 * dropped with a warning; what cannot be read at all gives a fresh state.
 */
export function deserializeState(text: string | null | undefined, lesson: SuspendLesson): DeserializeResult {
  if (text === null || text === undefined || text === '')
    return { state: freshState(), warnings: [], questionsChanged: false };
  try {
    return decode(text, lesson);
  } catch (error) {
    return fresh(
      `The saved progress could not be read (${error instanceof Error ? error.message : 'unknown error'}); starting afresh`,
    );
  }
}

function fresh(warning: string, questionsChanged = false): DeserializeResult {
  return { state: freshState(), warnings: [warning], questionsChanged };
}

function decode(text: string, lesson: SuspendLesson): DeserializeResult {
  if (typeof text !== 'string') return fresh('The saved progress is not text; starting afresh');
  if (text.length > INPUT_MAX) return fresh('The saved progress is too long to be ours; starting afresh');
  if (!text.startsWith(PREFIX)) return fresh('The saved progress is in an unknown format; starting afresh');
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(PREFIX.length));
  } catch {
    return fresh('The saved progress is damaged; starting afresh');
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return fresh('The saved progress is damaged; starting afresh');
  const payload = parsed.data;
  // Progress saved before the key existed is read as before.
  if (payload.k !== undefined && payload.k !== questionsKey(lesson.checkpoints))
    return fresh('The saved progress belongs to other questions (the lesson was updated); starting afresh', true);
  const warnings: string[] = [];
  const duration = Math.max(0, Math.round(lesson.durationMs));
  const clampMs = (value: number) => (Number.isFinite(value) ? Math.min(Math.max(Math.round(value), 0), duration) : 0);

  let watched = decodeWatched(payload.w, duration, payload.q);
  if (watched === null) {
    warnings.push('The record of what was watched is damaged and was reset');
    watched = [];
  }
  const rateOk = Number.isFinite(payload.r) && payload.r >= 0.25 && payload.r <= 4;
  if (!rateOk) warnings.push('The saved playback speed was not valid; using normal speed');

  const attempts: Record<string, CheckpointRecord> = {};
  for (const row of payload.a) {
    const found = decodeRow(row, lesson.checkpoints);
    if (!found) warnings.push('A saved answer does not match any checkpoint of this lesson and was dropped');
    else if (Object.hasOwn(attempts, found.checkpoint.id))
      warnings.push('A checkpoint was saved twice; the first was kept');
    else attempts[found.checkpoint.id] = found.record;
  }
  const state: LearnerState = {
    positionMs: clampMs(payload.p),
    furthestMs: clampMs(payload.f),
    watched,
    attempts,
    playbackRate: rateOk ? payload.r : 1,
  };
  return { state, warnings, questionsChanged: false };
}

function decodeRow(
  row: readonly unknown[],
  checkpoints: readonly Checkpoint[],
): { checkpoint: Checkpoint; record: CheckpointRecord } | null {
  const [index, tag, count, flags, score, response] = row;
  if (typeof index !== 'number' || typeof tag !== 'string' || tag.length === 0) return null;
  const atIndex = checkpoints[index];
  const byTag = checkpoints.filter((checkpoint) => checkpoint.id.startsWith(tag));
  const checkpoint = atIndex?.id.startsWith(tag) ? atIndex : byTag.length === 1 ? byTag[0] : undefined;
  if (!checkpoint) return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000) return null;
  if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 3) return null;
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  return {
    checkpoint,
    record: {
      count,
      correct: (flags & 1) !== 0 && count > 0,
      skipped: (flags & 2) !== 0 && count === 0,
      score: roundScore(Math.min(Math.max(score, 0), checkpoint.points)),
      response: decodeResponse(checkpoint, response),
    },
  };
}

function decodeResponse(checkpoint: Checkpoint, value: unknown): CheckpointResponse | null {
  switch (checkpoint.type) {
    case 'single': {
      const choice = typeof value === 'number' ? checkpoint.choices[value] : undefined;
      return choice ? { type: 'single', choiceId: choice.id } : null;
    }
    case 'multiple': {
      if (!Array.isArray(value) || value.length > checkpoint.choices.length) return null;
      const ids = value.map((index: unknown) =>
        typeof index === 'number' ? checkpoint.choices[index]?.id : undefined,
      );
      return ids.every((id): id is string => id !== undefined)
        ? { type: 'multiple', choiceIds: [...new Set(ids)] }
        : null;
    }
    case 'trueFalse':
      return value === 0 || value === 1 ? { type: 'trueFalse', value: value === 1 } : null;
    case 'shortAnswer':
    case 'numeric':
      return typeof value === 'string' ? { type: checkpoint.type, text: truncateCodePoints(value, 500) } : null;
  }
}
