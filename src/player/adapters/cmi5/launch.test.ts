import { describe, expect, it } from 'vitest';
import { readLaunch } from './launch';

const actor = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://lms.example', name: '1625378' } });
const query = (change: Record<string, string | null> = {}) => {
  const params = new URLSearchParams({
    endpoint: 'http://lrs.example.com/lrslistener/',
    fetch: 'http://lms.example.com/tokenGen.htm?k=2390289x0',
    actor,
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
    activityId: 'http://www.example.com/LA1/001/intro',
  });
  for (const [key, value] of Object.entries(change)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return `?${params.toString()}`;
};

describe('readLaunch (cmi5 8.1)', () => {
  it('reads the five launch parameters in any order, the actor as an Agent', () => {
    const read = readLaunch(query());
    expect(read).toEqual({
      ok: true,
      launch: {
        endpoint: 'http://lrs.example.com/lrslistener/',
        fetch: 'http://lms.example.com/tokenGen.htm?k=2390289x0',
        actor: { objectType: 'Agent', account: { homePage: 'http://lms.example', name: '1625378' } },
        registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
        activityId: 'http://www.example.com/LA1/001/intro',
      },
    });
  });

  it('says when the page was not launched by an LMS, and which parameter is wrong', () => {
    expect(readLaunch('')).toEqual({ ok: false, problem: 'no cmi5 launch parameters' });
    expect(readLaunch(query({ registration: 'not-a-uuid' }))).toMatchObject({ ok: false, problem: /registration/ });
    expect(readLaunch(query({ actor: '{"mbox":"mailto:a@b.c"}' }))).toMatchObject({
      ok: false,
      problem: /actor is not an Agent/,
    });
    expect(readLaunch(query({ endpoint: 'javascript:alert(1)' }))).toMatchObject({ ok: false, problem: /endpoint/ });
    expect(readLaunch(query({ fetch: null }))).toMatchObject({ ok: false, problem: /fetch/ });
  });
});
