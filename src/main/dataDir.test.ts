import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from './dataDir';

describe('resolveDataDir', () => {
  const fallback = () => '/fallback';

  it('prefers FLIPSIDE_DATA, then --data, then the host default, always absolute', () => {
    expect(resolveDataDir({ flag: 'flag', env: { FLIPSIDE_DATA: '/env' }, fallback })).toBe('/env');
    expect(resolveDataDir({ flag: 'rel/dir', env: {}, fallback })).toBe(path.resolve('rel/dir'));
    expect(resolveDataDir({ flag: undefined, env: { FLIPSIDE_DATA: '' }, fallback })).toBe('/fallback');
  });
});

describe('defaultDataDir', () => {
  it('matches where Electron keeps userData on each platform', () => {
    expect(defaultDataDir('linux', {})).toBe(path.join(os.homedir(), '.config', 'Flipside Studio'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' })).toBe(path.join('/xdg', 'Flipside Studio'));
    expect(defaultDataDir('darwin', {})).toBe(
      path.join(os.homedir(), 'Library', 'Application Support', 'Flipside Studio'),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\t\\AppData\\Roaming' })).toBe(
      path.join('C:\\Users\\t\\AppData\\Roaming', 'Flipside Studio'),
    );
  });
});
