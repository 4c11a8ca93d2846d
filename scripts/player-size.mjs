// Prints the learner player's size as learners download it (gzip), against its budget: JS + CSS ≤ 80 KB.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 80 * 1024;
const files = ['out/player/player.js', 'out/player/player.css'];
let total = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(
    `${file.padEnd(24)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  gzip ${(gzip / 1024).toFixed(1).padStart(6)} KB`,
  );
}
console.log(
  `${'total (gzip)'.padEnd(24)} ${''.padStart(10)}       ${(total / 1024).toFixed(1).padStart(6)} KB of ${BUDGET / 1024} KB`,
);
if (total > BUDGET) {
  console.error('The player is over its budget.');
  process.exitCode = 1;
}
