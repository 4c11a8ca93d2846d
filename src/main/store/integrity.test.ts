import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { DATABASE_FILE, openDatabase } from './database';
import { damageMiddlePages, libraryWithProjects } from '../testing/damagedLibrary';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening a damaged library', () => {
  it('refuses a library with random bytes over its middle pages, in plain words, and leaves it byte-for-byte', () => {
    const dir = tempDir();
    const file = libraryWithProjects(dir, 400);
    damageMiddlePages(file);
    const before = hash(file);
    for (const readonly of [false, true]) {
      expect(() => openDatabase(dir, { readonly })).toThrow(
        new RegExp(
          `^The library file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(.+\\), so Flipside Studio will not open or change it\\.`,
        ),
      );
      expect(hash(file)).toBe(before);
    }
  });

  it('names the newest backup to restore when there is one', () => {
    const dir = tempDir();
    const file = libraryWithProjects(dir, 400);
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.copyFileSync(file, path.join(dir, 'backups', 'library-20250101T080000Z.sqlite'));
    damageMiddlePages(file);
    expect(() => openDatabase(dir)).toThrow(
      /Restore the newest backup \(library-20250101T080000Z\.sqlite\) with: flipside library restore --data/,
    );
  });
});

describe('a lost library file', () => {
  it('is not replaced by an empty library while media/ still holds projects: missing or emptied', () => {
    for (const lose of ['delete', 'empty'] as const) {
      const dir = tempDir();
      const file = libraryWithProjects(dir, 3);
      fs.mkdirSync(path.join(dir, 'media', 'some-project'), { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      if (lose === 'empty') fs.writeFileSync(file, '');
      for (const readonly of [false, true])
        expect(() => openDatabase(dir, { readonly })).toThrow(
          new RegExp(
            `library\\.sqlite ${lose === 'empty' ? 'is empty' : 'is missing'}, but .*media still holds the files of 1 project; Flipside Studio will not start an empty library over them`,
          ),
        );
      expect(fs.existsSync(file) ? fs.statSync(file).size : -1).toBe(lose === 'empty' ? 0 : -1);
    }
  });

  it('is not replaced while backups of it exist, even with no media', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'library-20250101T080000Z.sqlite'), 'x');
    expect(() => openDatabase(dir)).toThrow(/backups.* holds backups of it/);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
  });

  it('is created in a folder that never had a library', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    expect(fs.statSync(path.join(dir, DATABASE_FILE)).size).toBeGreaterThan(0);
  });
});
