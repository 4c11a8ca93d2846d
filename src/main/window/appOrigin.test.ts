import { describe, expect, it } from 'vitest';
import { createOriginPolicy } from './appOrigin';

describe('createOriginPolicy', () => {
  it('trusts app://studio pages only, in production', () => {
    const policy = createOriginPolicy(undefined);
    expect(policy.entryUrl).toBe('app://studio/index.html');
    expect(policy.isTrusted('app://studio/index.html')).toBe(true);
    expect(policy.isTrusted('app://studio')).toBe(true);
    for (const url of [
      'app://studio:8080/',
      'app://studio.evil/',
      'app://evil/',
      'app://user@studio/',
      'app-media://media/x.mp4',
      'file:///index.html',
      'http://localhost:5173/',
      'not a url',
      '',
    ]) {
      expect(policy.isTrusted(url), url).toBe(false);
    }
  });

  it('also trusts the dev server origin in development, and loads from it', () => {
    const policy = createOriginPolicy('http://localhost:5173/');
    expect(policy.entryUrl).toBe('http://localhost:5173/');
    expect(policy.isTrusted('http://localhost:5173/index.html')).toBe(true);
    expect(policy.isTrusted('app://studio/index.html')).toBe(true);
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/']) {
      expect(policy.isTrusted(url), url).toBe(false);
    }
  });
});
