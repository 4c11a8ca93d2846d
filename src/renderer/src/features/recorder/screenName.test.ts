import { describe, expect, it } from 'vitest';
import { screenName } from './screenName';

describe('the name shown for the captured screen', () => {
  it('puts plain words for the browser’s internal addresses', () => {
    expect(screenName('current-web-contents-media-stream://4A1F')).toBe('This window');
    expect(screenName('screen:0:0')).toBe('Your screen');
    expect(screenName('window:1234:0')).toBe('A window');
  });

  it('keeps a real name and says something when there is none', () => {
    expect(screenName('Built-in Retina Display')).toBe('Built-in Retina Display');
    expect(screenName('')).toBe('Chosen');
    expect(screenName(undefined)).toBe('Chosen');
  });
});
