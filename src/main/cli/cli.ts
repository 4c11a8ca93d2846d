import packageJson from '../../../package.json';
import { runCli } from './runCli';

// The first Ctrl+C asks the running command to cancel its job and clean up; a second one stops at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

void runCli(
  process.argv.slice(2),
  {
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
    env: process.env,
    signal: interrupt.signal,
  },
  packageJson.version,
).then((code) => {
  process.exitCode = code;
});
