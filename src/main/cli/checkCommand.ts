import fs from 'node:fs';
import path from 'node:path';
import { checkPackage, PACKAGE_FORMAT_NAMES } from '../publish/check';
import { locateSchemaRoot } from '../publish/schemas';

interface Io {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** `flipside check <package.zip>`: the report, one line per finding; exit 1 on any failure. Needs no library. */
export async function checkCommand(args: readonly string[], io: Io): Promise<number> {
  if (args.length !== 1) {
    io.stderr('flipside: check takes exactly one package file (see flipside --help)');
    return 2;
  }
  const file = path.resolve(args[0] as string);
  if (!fs.existsSync(file)) {
    io.stderr(`flipside: ${file} does not exist`);
    return 1;
  }
  const report = await checkPackage(file, { schemaRoot: locateSchemaRoot() });
  for (const line of report.lines) io.stdout(`${line.ok ? 'ok  ' : 'FAIL'}  ${line.message}`);
  const failures = report.lines.filter((line) => !line.ok).length;
  io.stdout(
    report.ok
      ? `${path.basename(file)}: valid ${report.format ? PACKAGE_FORMAT_NAMES[report.format] : ''} package`
      : `${path.basename(file)}: ${failures} problem${failures === 1 ? '' : 's'}`,
  );
  return report.ok ? 0 : 1;
}
