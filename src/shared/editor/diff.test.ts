import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentChangeSchema } from './document';
import { applyChange, diffDocuments, isEmptyChange } from './diff';
import { blankDocument, callout, documentArb, idOf, marker } from './testDocuments.testkit';

describe('diffDocuments', () => {
  it('is empty between equal documents', () => {
    const doc = blankDocument({ markers: [marker(1, 500)] });
    const change = diffDocuments(doc, structuredClone(doc));
    expect(isEmptyChange(change)).toBe(true);
    expect(change.baseRevision).toBe(3);
  });

  it('lists only what changed, by id', () => {
    const before = blankDocument({ markers: [marker(1, 500), marker(2, 900)], callouts: [callout(1, 0, 1_000)] });
    const after = blankDocument({
      markers: [marker(1, 500), { ...marker(2, 900), title: 'Renamed' }, marker(3, 1_200)],
      callouts: [],
      editList: { ...before.editList, trimStart: 1_000 },
    });
    expect(diffDocuments(before, after)).toEqual({
      takeId: before.takeId,
      baseRevision: 3,
      editList: after.editList,
      upsertMarkers: [after.markers[1], after.markers[2]],
      removeMarkers: [],
      upsertCallouts: [],
      removeCallouts: [callout(1, 0, 1_000).id],
      upsertCheckpoints: [],
      removeCheckpoints: [],
    });
  });

  it('sends the layout only when it changed', () => {
    const before = blankDocument();
    expect(diffDocuments(before, { ...before, layout: { ...before.layout, size: 0.3 } }).layout?.size).toBe(0.3);
    expect(diffDocuments(before, { ...before, layout: { ...before.layout } }).layout).toBeUndefined();
  });

  it('gives a change the contract accepts, and applying it to the first document gives the second', () => {
    fc.assert(
      fc.property(documentArb(), documentArb(), (before, generated) => {
        const after = { ...generated, revision: before.revision + 1 };
        const change = diffDocuments(before, after);
        expect(documentChangeSchema.parse(change)).toEqual(change);
        expect(applyChange(before, change)).toEqual(after);
      }),
    );
  });
});

describe('diffDocuments: questions and rules', () => {
  it('saves only the questions and rules that changed, and applying the diff gives the edited document', () => {
    const question = {
      id: idOf(300),
      sourceMs: 1000,
      type: 'trueFalse' as const,
      prompt: 'True?',
      answer: true,
      feedback: {},
      points: 1,
      required: true,
      attemptsAllowed: null,
      rewatchFrom: { kind: 'previousMarker' as const },
      revealAnswer: false,
    };
    const before = blankDocument({ checkpoints: [question] });
    const after = {
      ...before,
      checkpoints: [{ ...question, prompt: 'Really true?' }],
      rules: { ...before.rules, masteryPercent: 60 },
    };
    const change = diffDocuments(before, after);
    expect(change.upsertCheckpoints.map((each) => each.prompt)).toEqual(['Really true?']);
    expect(change.rules?.masteryPercent).toBe(60);
    expect(applyChange(before, change)).toEqual({ ...after, revision: before.revision + 1 });
    expect(isEmptyChange(diffDocuments(after, after))).toBe(true);
  });
});
