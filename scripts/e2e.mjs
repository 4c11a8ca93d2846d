// The end-to-end run: the real-time specs first, one at a time with the machine to themselves, then the others two at
// a time (playwright.config.ts says which are which). Every argument goes to both runs (a file, `-g`); a run with no
// test matching it passes. Exits non-zero if either run failed, having run both.
//
// A failed half's report is printed again at the very end: CI keeps only the tail of a long log, and the first
// half's failures would otherwise sit above the second half's whole list.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const REPORT_LINES = 200;

/** Runs one half, passing its output through, and resolves its exit status and its failure report. */
const run = (projects) =>
  new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['playwright', 'test', ...projects.map((name) => `--project=${name}`), '--pass-with-no-tests', ...args],
      { stdio: ['inherit', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => {
      // The list reporter's report of failures starts at "  1) [project] › file:line › title".
      const lines = output.split('\n');
      const start = lines.findIndex((line) => /^\s+1\) \[/.test(line));
      const report = start < 0 ? lines.slice(-20) : lines.slice(start);
      // Tests that passed only on their retry ("  1 flaky" and the titles under it) are named at the end too.
      const flakyAt = lines.findIndex((line) => /^\s+\d+ flaky$/.test(line));
      const flaky = [];
      for (let at = flakyAt + 1; flakyAt >= 0 && /^\s{4}\[/.test(lines[at] ?? ''); at += 1)
        flaky.push(lines[at].replace(/\s*─+$/, '').trim());
      resolve({ projects, status: code ?? 1, report: report.slice(0, REPORT_LINES).join('\n'), flaky });
    });
  });

const halves = [await run(['realtime']), await run(['studio', 'lms'])];
const failed = halves.filter((half) => half.status !== 0);
for (const half of failed) {
  console.log(`\n==== e2e ${half.projects.join(' + ')} failed (exit ${half.status}); its report again: ====\n`);
  console.log(half.report);
}
for (const title of halves.flatMap((half) => half.flaky)) console.log(`e2e: passed only on its retry: ${title}`);
console.log(
  `\ne2e: ${halves.map((half) => `${half.projects.join(' + ')} ${half.status === 0 ? 'passed' : 'FAILED'}`).join(', ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
