import { describe, expect, it } from 'vitest';
import { setCameraLayout } from './setCameraLayout';
import { blankDocument } from '../testDocuments.testkit';

describe('setCameraLayout', () => {
  const doc = blankDocument();

  it('changes only the given parts of the layout', () => {
    const next = setCameraLayout.run(doc, { shape: 'rounded' });
    expect(next.layout).toEqual({ ...doc.layout, shape: 'rounded' });
    expect(setCameraLayout.run(doc, { placement: { kind: 'corner', corner: 'top-left' } }).layout.placement).toEqual({
      kind: 'corner',
      corner: 'top-left',
    });
  });

  it('refuses a size out of range', () => {
    expect(() => setCameraLayout.run(doc, { size: 0.9 })).toThrow();
  });

  it('labels each change and merges a slider drag into one step', () => {
    expect(setCameraLayout.label(doc, { size: 0.3 })).toBe('Resize camera bubble');
    expect(setCameraLayout.label(doc, { shape: 'circle' })).toBe('Make camera bubble round');
    expect(setCameraLayout.label(doc, { placement: { kind: 'free', x: 0, y: 0 } })).toBe('Move camera bubble');
    expect(setCameraLayout.mergeKey?.({ size: 0.3 })).toBe(setCameraLayout.mergeKey?.({ size: 0.4 }));
  });
});
