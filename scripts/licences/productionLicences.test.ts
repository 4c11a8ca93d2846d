import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compatibleWith, productionLicences } from './productionLicences';

/**
 * Licences whose code may be combined with Flipside Studio's and shipped under GPL-3.0-or-later (the FSF's list of
 * GPL-compatible licences): the permissive ones (MIT, ISC, BSD, 0BSD, Zlib, CC0, Unlicense, BlueOak, Python), Apache-2.0
 * (compatible with GPLv3, though not v2), MPL-2.0 (its section 3.3 allows it), the LGPLs, and the GPL itself in "or
 * later" forms, which include v3. GPL-2.0-only is not compatible, nor are the SSPL, the Commons Clause, or no licence.
 */
const GPL3_COMPATIBLE = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MPL-2.0',
  'Python-2.0',
  'Unlicense',
  'WTFPL',
  'Zlib',
]);

describe('licences of what ships with the app', () => {
  it('are all compatible with GPL-3.0-or-later', () => {
    const packages = productionLicences(path.resolve(__dirname, '..', '..'));
    expect(packages.map((each) => each.name)).toEqual(
      expect.arrayContaining(['@ffmpeg/core', 'better-sqlite3', 'react']),
    );
    const incompatible = packages
      .filter((each) => !compatibleWith(each.licence, GPL3_COMPATIBLE))
      .map((each) => `${each.name}@${each.version}: ${each.licence}`);
    expect(incompatible).toEqual([]);
  });
});

describe('compatibleWith', () => {
  const ok = (expression: string) => compatibleWith(expression, GPL3_COMPATIBLE);
  it('accepts a compatible licence, or a choice that includes one', () => {
    expect(
      ['MIT', 'GPL-2.0-or-later', 'GPL-2.0+', '(MIT OR SSPL-1.0)', '(BSD-2-Clause OR MIT OR Apache-2.0)'].map(ok),
    ).toEqual([true, true, true, true, true]);
    expect(ok('GPL-2.0-or-later WITH Classpath-exception-2.0')).toBe(true);
  });

  it('refuses an incompatible licence, an AND with one, or none at all', () => {
    expect(
      ['GPL-2.0-only', 'SSPL-1.0', 'UNLICENSED', 'UNKNOWN', '(MIT AND SSPL-1.0)', 'MIT AND (SSPL-1.0 OR BUSL-1.1)'].map(
        ok,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });
});
