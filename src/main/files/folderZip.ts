import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { JobRegistry } from '../jobs/JobRegistry';
import { reserveOutput } from '../jobs/outputs';
import { fileEntry, type PackageEntry } from '../publish/scoFiles';
import { writeZip } from '../publish/write';

/**
 * A zip of a web folder for a browser to download (a page cannot download a folder): `<zips>/<name>.zip`, made once
 * (exports never change) and stored rather than deflated, since the video inside is compressed already. Its entries
 * sit in one folder named `root`, so unzipping gives the folder back under the name the teacher downloaded.
 */
export async function zipOfFolder(folder: string, zips: string, root: string, jobs: JobRegistry): Promise<string> {
  const name = path.basename(folder);
  const out = path.join(zips, `${name}.zip`);
  if (fs.existsSync(out)) return out;
  const entries = filesUnder(folder).map((relative): PackageEntry =>
    fileEntry(`${root}/${relative}`, path.join(folder, ...relative.split('/')), false),
  );
  const target = reserveOutput(zips, name, '.zip', 'file');
  if (target.out !== out) {
    // Another download of the same folder is writing it (its part holds the name): this one leaves it to finish.
    fs.rmSync(target.part, { force: true });
    throw new StudioError('conflict', 'The folder is being zipped for another download; try again in a moment');
  }
  await jobs.run({ kind: 'copy', parts: [target.part] }, (job) =>
    writeZip(entries, target, { signal: job.signal, onBytes: () => undefined, mtime: new Date() }),
  );
  return out;
}

/** Every file under `folder`, as `/`-separated relative paths, in a stable order; symlinks are not followed. */
function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
