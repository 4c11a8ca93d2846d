#!/usr/bin/env node
// Usage: node scripts/native-abi.mjs node|electron
// better-sqlite3's compiled addon works in one runtime at a time: Node (tests, CLI, browser host) or Electron (the
// app). This checks that it loads in the runtime about to be used and rebuilds it for that runtime when it does not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PROBE = "new (require('better-sqlite3'))(':memory:').close()";
// Built for the other runtime's ABI, or not built at all: both are fixed by a rebuild.
const NEEDS_REBUILD =
  /NODE_MODULE_VERSION|compiled against a different Node\.js version|Could not locate the bindings file/;

/** Loads better-sqlite3 in a fresh process of `executable`; answers null when it works, else the error text. */
function probe(executable, env = process.env) {
  const result = spawnSync(executable, ['-e', PROBE], { cwd: ROOT, env, encoding: 'utf8' });
  return result.status === 0 ? null : `${result.stderr}${result.error?.message ?? ''}`;
}

function run(executable, args) {
  const result = spawnSync(executable, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

/** Where the Electron binary is, found as `require('electron')` would but without its download-on-require. */
function electronBinary() {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist'),
    fs.readFileSync(pathFile, 'utf8').trim(),
  );
  return fs.existsSync(binary) ? binary : null;
}

function ensure(label, failure, rebuild) {
  if (failure === null) return 0;
  if (!NEEDS_REBUILD.test(failure)) {
    console.error(`better-sqlite3 does not load in ${label}, and not because of its build:\n${failure}`);
    return 1;
  }
  return rebuild();
}

function forNode() {
  return ensure('Node', probe(process.execPath), () => {
    console.log(
      `better-sqlite3 is not built for Node ${process.version} (the app's Electron build, or none); rebuilding it from source (about a minute).`,
    );
    return run('npm', ['rebuild', 'better-sqlite3']);
  });
}

function forElectron() {
  const binary = electronBinary();
  if (!binary) {
    console.error(
      'npm start needs the Electron binary, which is not installed: with network access run `npx install-electron` ' +
        '(or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD). `npm run web` runs the same UI in a browser.',
    );
    return 1;
  }
  return ensure('Electron', probe(binary, { ...process.env, ELECTRON_RUN_AS_NODE: '1' }), () => {
    console.log(
      "better-sqlite3 is not built for Electron (the tests' Node build, or none); rebuilding it against Electron's headers (needs network).",
    );
    const rebuildPackage = require.resolve('@electron/rebuild/package.json');
    const cli = path.join(
      path.dirname(rebuildPackage),
      JSON.parse(fs.readFileSync(rebuildPackage, 'utf8')).bin['electron-rebuild'],
    );
    return run(process.execPath, [cli, '-f', '-o', 'better-sqlite3']);
  });
}

const targets = { node: forNode, electron: forElectron };
const target = Object.hasOwn(targets, process.argv[2] ?? '') ? targets[process.argv[2]] : null;
if (!target) {
  console.error('Usage: node scripts/native-abi.mjs node|electron');
  process.exit(2);
}
process.exit(target());
