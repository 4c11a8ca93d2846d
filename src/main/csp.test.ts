import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from './csp';

/** Directives a <meta> policy cannot carry (CSP3 §3.3): Chromium ignores them there with a console warning. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const directives = (policy: string) =>
  policy
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

describe('the renderer’s Content-Security-Policy', () => {
  it('is the same in index.html’s meta tag as in the header Electron and the browser host send', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta, 'index.html has a CSP meta tag').toBeDefined();
    const headerWithoutHeaderOnly = directives(RENDERER_CSP).filter(
      (directive) => !HEADER_ONLY.has(directive.split(' ')[0] ?? ''),
    );
    expect(directives(meta ?? '')).toEqual(headerWithoutHeaderOnly);
  });

  it('keeps everything on the UI’s own origin: no other scheme, no eval, no inline code', () => {
    expect(RENDERER_CSP).not.toMatch(/app-media:|unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*/);
    expect(directives(RENDERER_CSP)).toContain("connect-src 'self'");
    expect(directives(RENDERER_CSP)).toContain("media-src 'self' blob:");
  });
});
