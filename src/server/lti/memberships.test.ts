import { describe, expect, it } from 'vitest';
import { nextLink } from './memberships';

describe('the next page of a roster (RFC 8288 Link header)', () => {
  const base = 'https://lms.example/contexts/7/memberships?rlid=a';

  it('finds rel="next" among other links, resolved against the page', () => {
    expect(
      nextLink('<https://lms.example/m?p=1>; rel="first", </contexts/7/memberships?page=2>; rel="next"', base),
    ).toBe('https://lms.example/contexts/7/memberships?page=2');
  });

  it('reads an unquoted rel and a rel with several values', () => {
    expect(nextLink('<https://lms.example/m?p=3>; rel=next', base)).toBe('https://lms.example/m?p=3');
    expect(nextLink('<https://lms.example/m?p=4>; title="more"; rel="last next"', base)).toBe(
      'https://lms.example/m?p=4',
    );
  });

  it('answers null on the last page', () => {
    expect(nextLink(null, base)).toBeNull();
    expect(nextLink('<https://lms.example/m?p=1>; rel="first"', base)).toBeNull();
    expect(nextLink('<https://lms.example/differences?since=1>; rel="differences"', base)).toBeNull();
  });
});
