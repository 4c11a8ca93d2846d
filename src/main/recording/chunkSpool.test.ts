import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { ChunkSpool, readSpoolIndex } from './chunkSpool';

function spoolIn(dir: string) {
  return { part: path.join(dir, 'screen.part'), index: path.join(dir, 'screen.chunks') };
}

describe('ChunkSpool', () => {
  it('appends chunks in order and indexes each one after its bytes', () => {
    const files = spoolIn(tempDir());
    const spool = ChunkSpool.create(files);
    spool.append(0, 1000, new Uint8Array([1, 2, 3]));
    spool.append(1, 2000, new Uint8Array([4, 5]));
    expect(spool.close()).toEqual({ chunks: 2, bytes: 5, lastAtMs: 2000 });
    expect([...fs.readFileSync(files.part)]).toEqual([1, 2, 3, 4, 5]);
    expect(fs.readFileSync(files.index, 'utf8')).toBe('0 0 3 1000\n1 3 2 2000\n');
  });

  it('refuses a gap or a repeat, so lost data is noticed', () => {
    const spool = ChunkSpool.create(spoolIn(tempDir()));
    spool.append(0, 1000, new Uint8Array([1]));
    expect(() => spool.append(2, 3000, new Uint8Array([1]))).toThrow(/chunk 1 was expected/);
    expect(() => spool.append(0, 1000, new Uint8Array([1]))).toThrow(/chunk 1 was expected/);
    spool.close();
  });

  it('never overwrites an existing part file', () => {
    const files = spoolIn(tempDir());
    fs.writeFileSync(files.part, 'earlier take');
    expect(() => ChunkSpool.create(files)).toThrow(/EEXIST/);
    expect(fs.readFileSync(files.part, 'utf8')).toBe('earlier take');
  });

  it('flushes to disk at least every second of chunks', () => {
    let clock = 0;
    const files = spoolIn(tempDir());
    const spool = ChunkSpool.create(files, () => clock);
    const sync = spool.sync.bind(spool);
    let syncs = 0;
    spool.sync = () => {
      syncs += 1;
      sync();
    };
    for (let index = 0; index < 10; index += 1) {
      clock += 500;
      spool.append(index, clock, new Uint8Array([index]));
    }
    expect(syncs).toBe(5);
    spool.close();
  });
});

describe('readSpoolIndex', () => {
  it('keeps whole chunks only when the last chunk was torn mid-write', () => {
    const files = spoolIn(tempDir());
    const spool = ChunkSpool.create(files);
    spool.append(0, 1000, new Uint8Array(10));
    spool.append(1, 2000, new Uint8Array(10));
    spool.close();
    // A crash while writing chunk 2: half its bytes landed, its index line did not.
    fs.appendFileSync(files.part, new Uint8Array(4));
    fs.appendFileSync(files.index, '2 20 1');
    expect(readSpoolIndex(files)).toEqual({ chunks: 2, bytes: 20, lastAtMs: 2000 });
  });

  it('ignores index lines that claim bytes the part file does not have', () => {
    const files = spoolIn(tempDir());
    fs.writeFileSync(files.part, new Uint8Array(15));
    fs.writeFileSync(files.index, '0 0 10 1000\n1 10 10 2000\n');
    expect(readSpoolIndex(files)).toEqual({ chunks: 1, bytes: 10, lastAtMs: 1000 });
  });

  it('reports nothing for an empty spool or a missing part file', () => {
    const dir = tempDir();
    const files = spoolIn(dir);
    fs.writeFileSync(files.part, '');
    fs.writeFileSync(files.index, '');
    expect(readSpoolIndex(files)).toEqual({ chunks: 0, bytes: 0, lastAtMs: 0 });
    fs.rmSync(files.part);
    fs.writeFileSync(files.index, '0 0 10 1000\n');
    expect(readSpoolIndex(files)).toEqual({ chunks: 0, bytes: 0, lastAtMs: 0 });
  });
});
