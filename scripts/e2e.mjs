// The end-to-end run: the real-time specs first, one at a time with the machine to themselves, then the others two at
// a time (playwright.config.ts says which are which). Every argument goes to both runs (a file, `-g`); a run with no
// test matching it passes. Exits non-zero if either run failed, having run both.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (projects) =>
  spawnSync(
    'npx',
    ['playwright', 'test', ...projects.map((name) => `--project=${name}`), '--pass-with-no-tests', ...args],
    {
      stdio: 'inherit',
    },
  ).status ?? 1;

const realtime = run(['realtime']);
const others = run(['studio', 'lms']);
process.exit(realtime || others);
