import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { renameNoReplace, reserveOutput } from './outputs';

describe('reserveOutput', () => {
  it('gives two jobs of one title two names, each with its own part, created at once', () => {
    const folder = tempDir();
    const first = reserveOutput(folder, 'forces-scorm12-1-0', '.zip', 'file');
    const second = reserveOutput(folder, 'forces-scorm12-1-0', '.zip', 'file');
    expect(path.basename(first.out)).toBe('forces-scorm12-1-0.zip');
    expect(path.basename(second.out)).toBe('forces-scorm12-1-0-2.zip');
    expect(fs.readdirSync(folder).sort()).toEqual(['forces-scorm12-1-0-2.zip.part', 'forces-scorm12-1-0.zip.part']);
  });

  it('skips a name whose output or part exists, and reserves folders with mkdir', () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'site'), 'a file of the same name');
    fs.mkdirSync(path.join(folder, 'site-2.part'));
    const reserved = reserveOutput(folder, 'site', '', 'folder');
    expect(reserved.out).toBe(path.join(folder, 'site-3'));
    expect(fs.statSync(reserved.part).isDirectory()).toBe(true);
  });
});

describe('renameNoReplace', () => {
  it('moves a finished part into place', () => {
    const folder = tempDir();
    const { out, part } = reserveOutput(folder, 'lesson', '.zip', 'file');
    fs.writeFileSync(part, 'zip bytes');
    renameNoReplace(part, out);
    expect(fs.readdirSync(folder)).toEqual(['lesson.zip']);
  });

  it('never replaces a file that appeared at the output meanwhile', () => {
    const folder = tempDir();
    const { out, part } = reserveOutput(folder, 'lesson', '.zip', 'file');
    fs.writeFileSync(part, 'zip bytes');
    fs.writeFileSync(out, 'the teacher’s own file');
    expect(() => renameNoReplace(part, out)).toThrow(/appeared while the studio was writing it/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the teacher’s own file');
  });
});
