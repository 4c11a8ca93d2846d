import { describe, expect, it } from 'vitest';
import { createHistory, HISTORY_LIMIT, pushStep, redo, redoLabel, sealHistory, undo, undoLabel } from './history';
import { blankDocument, marker } from './testDocuments.testkit';

const doc = (n: number) => blankDocument({ markers: Array.from({ length: n }, (_, i) => marker(i, i * 100)) });

describe('history', () => {
  it('undoes and redoes steps with their labels', () => {
    let history = createHistory(doc(0));
    history = pushStep(history, doc(1), 'Add 1');
    history = pushStep(history, doc(2), 'Add 2');
    expect(undoLabel(history)).toBe('Add 2');
    history = undo(history);
    expect(history.present).toEqual(doc(1));
    expect(redoLabel(history)).toBe('Add 2');
    history = undo(history);
    expect(history.present).toEqual(doc(0));
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present).toEqual(doc(1));
    expect(undoLabel(history)).toBe('Add 1');
  });

  it('drops redo when a new step is made', () => {
    let history = pushStep(createHistory(doc(0)), doc(1), 'Add 1');
    history = pushStep(undo(history), doc(2), 'Other');
    expect(history.future).toEqual([]);
    expect(redo(history)).toBe(history);
  });

  it('keeps the last HISTORY_LIMIT steps (at least a hundred)', () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    let history = createHistory(doc(0));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i += 1)
      history = pushStep(history, blankDocument({ revision: i }), `Step ${i}`);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    let undone = 0;
    while (undoLabel(history)) {
      history = undo(history);
      undone += 1;
    }
    expect(undone).toBe(HISTORY_LIMIT);
    expect(history.present.revision).toBe(20);
  });

  it('merges consecutive steps with the same key into one, until sealed or a different step comes', () => {
    let history = createHistory(doc(0));
    history = pushStep(history, doc(1), 'Move', 'm');
    history = pushStep(history, doc(2), 'Move', 'm');
    history = pushStep(history, doc(3), 'Move', 'm');
    expect(history.past).toHaveLength(1);
    expect(undo(history).present).toEqual(doc(0));
    history = pushStep(sealHistory(history), doc(4), 'Move', 'm');
    expect(history.past).toHaveLength(2);
    history = pushStep(history, doc(5), 'Other', 'x');
    expect(history.past).toHaveLength(3);
    expect(undo(undo(history)).present).toEqual(doc(3));
  });

  it('never merges after an undo', () => {
    let history = pushStep(pushStep(createHistory(doc(0)), doc(1), 'A'), doc(2), 'Move', 'm');
    history = pushStep(undo(history), doc(3), 'Move', 'm');
    expect(history.past).toHaveLength(2);
  });
});
