import { describe, expect, it } from 'vitest';
import { zipPathProblem } from './zipPath';

describe('zipPathProblem', () => {
  it.each(['index.html', 'media/720p.mp4', 'media/', 'a/b/c.d.txt', 'é/ü.txt', '..hidden', 'a..b'])(
    'accepts %j',
    (name) => {
      expect(zipPathProblem(name)).toBeNull();
    },
  );

  it.each([
    ['', /empty name/],
    ['../evil.html', /climbs out/],
    ['media/../../evil', /climbs out/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/x', /drive letter/],
    ['media\\x.mp4', /backslashes/],
    ['a//b', /empty or "."/],
    ['./index.html', /empty or "."/],
    ['bad\0name', /NUL/],
  ])('refuses %j', (name, message) => {
    expect(zipPathProblem(name)).toMatch(message);
  });
});
