import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './renderBrowser';

describe('chromiumArgs', () => {
  it('keeps Chromium’s sandbox on a teacher’s machine', () => {
    expect(chromiumArgs({}, false)).not.toContain('--no-sandbox');
    expect(chromiumArgs({ CI: 'false' }, false)).not.toContain('--no-sandbox');
    expect(chromiumArgs({ FLIPSIDE_CHROMIUM_NO_SANDBOX: '0' }, false)).not.toContain('--no-sandbox');
  });

  it('turns it off only when told (CI, or the variable) or as root, where Chromium will not start with it', () => {
    expect(chromiumArgs({ CI: 'true' }, false)).toContain('--no-sandbox');
    expect(chromiumArgs({ CI: '1' }, false)).toContain('--no-sandbox');
    expect(chromiumArgs({ FLIPSIDE_CHROMIUM_NO_SANDBOX: '1' }, false)).toContain('--no-sandbox');
    expect(chromiumArgs({}, true)).toContain('--no-sandbox');
  });

  it('never asks for a GPU or lets Chromium phone home', () => {
    expect(chromiumArgs({}, false)).toEqual(
      expect.arrayContaining(['--disable-gpu', '--disable-background-networking']),
    );
  });

  it('gives Chromium its machine class, so no on-device AI benchmark starts minutes into a long render', () => {
    expect(chromiumArgs({}, false)).toContain('--optimization-guide-performance-class=7');
  });

  it('caps V8’s young generation as the desktop app does, so a long render’s Worker does not grow into it', () => {
    expect(chromiumArgs({}, false)).toContain('--js-flags=--max-semi-space-size=8');
  });
});
