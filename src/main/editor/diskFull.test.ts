import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudio } from '../studio';
import { mediaFixture } from '../testing/mediaFixtures';
import { fillUp, smallDisk } from '../testing/smallDisk';

describe('editing on a full disk', () => {
  it('says the disk is full, saves nothing half, and saves again once there is room', async (context) => {
    const disk = smallDisk('2m');
    if (!disk) return context.skip('mounting a small tmpfs needs root; this machine refused it');
    const studio = openStudio({ dataDir: path.join(disk, 'library'), host: 'cli' });
    try {
      const client = studio.client('window:1');
      const project = await client.projects.create({ title: 'Waves', description: '' });
      const lesson = await client.lessons.add({ projectId: project.id, title: 'Sound' });
      const { takeId } = await client.recordings.start({
        lessonId: lesson.id,
        origin: 'imported',
        tracks: [{ role: 'screen', mimeType: 'video/webm' }],
      });
      const data = new Uint8Array(fs.readFileSync(mediaFixture('webm', 1)));
      await client.recordings.appendChunk({ takeId, role: 'screen', index: 0, atMs: 0, data });
      await client.recordings.finish({ takeId, tracks: [] });
      let revision = (await client.editor.open({ lessonId: lesson.id })).revision;
      const free = fillUp(disk);

      // The WAL reuses its own space until a change needs more: bigger and bigger changes, until one needs room.
      let failure: unknown = null;
      for (let size = 1; size <= 4096 && failure === null; size *= 2) {
        const upsertMarkers = Array.from({ length: size }, (_, n) => ({
          id: randomUUID(),
          sourceMs: n,
          title: `Moment ${n}`,
          note: 'n'.repeat(200),
        }));
        try {
          revision = (await client.editor.apply({ takeId, baseRevision: revision, upsertMarkers })).revision;
        } catch (error) {
          failure = error;
        }
      }
      expect(failure).toMatchObject({
        code: 'storage',
        message: 'The disk is full, so this was not saved. Free some space and try again.',
      });
      const saved = await client.editor.open({ lessonId: lesson.id });
      expect(saved.revision).toBe(revision);

      free(1024 * 1024);
      const marker = { id: randomUUID(), sourceMs: 5, title: 'After', note: '' };
      await expect(client.editor.apply({ takeId, baseRevision: revision, upsertMarkers: [marker] })).resolves.toEqual({
        revision: revision + 1,
      });
    } finally {
      await studio.close();
    }
  });
});
