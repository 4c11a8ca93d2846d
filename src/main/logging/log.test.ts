import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tempStudio } from '../testing/tempStudio';
import { logFileOf, openLog } from './log';

describe('the studio log', () => {
  it('writes each line with the time, the level and the process, and an error with its stack', () => {
    const dataDir = tempDir();
    const log = openLog(dataDir, 'browser');
    log.info('Started');
    log.error('Call app:projects.list failed unexpectedly', new Error('no such table: projects'));
    expect(log.file).toBe(path.join(dataDir, 'logs', 'flipside.log'));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(
      new RegExp(
        `^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] \\[info\\]\\s+\\[browser ${process.pid}\\] Started$`,
        'm',
      ),
    );
    expect(text).toContain('[error]');
    expect(text).toMatch(/Error: no such table: projects\n\s+at .*log\.test\.ts/);
  });

  it('rotates by size, keeping three older files', () => {
    const dataDir = tempDir();
    const log = openLog(dataDir, 'cli', { maxBytes: 10_000 });
    for (let n = 0; n < 400; n += 1) log.info(`line ${n} ${'x'.repeat(200)}`);
    const files = fs.readdirSync(path.join(dataDir, 'logs')).sort();
    expect(files).toEqual(['flipside.1.log', 'flipside.2.log', 'flipside.3.log', 'flipside.log']);
    for (const file of files) expect(fs.statSync(path.join(dataDir, 'logs', file)).size).toBeLessThan(11_000);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('line 399 ');
  });

  it('receives every internal error of a call, with its stack', async () => {
    const studio = tempStudio();
    const client = studio.client('window:1');
    const project = await client.projects.create({ title: 'Optics', description: '' });
    const lesson = await client.lessons.add({ projectId: project.id, title: 'Lenses' });
    studio.db.exec('DROP TABLE lesson_files');
    await expect(client.notes.files({ lessonId: lesson.id })).rejects.toMatchObject({
      code: 'internal',
      message: 'notes.files failed unexpectedly',
    });
    const text = fs.readFileSync(logFileOf(studio.dataDir), 'utf8');
    expect(text).toMatch(
      /\[error\] \[cli \d+\] Call app:notes\.files failed unexpectedly SqliteError: no such table: lesson_files\n\s+at /,
    );
  });
});
