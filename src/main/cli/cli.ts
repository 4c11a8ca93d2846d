import packageJson from '../../../package.json';
import { runCli } from './runCli';

void runCli(
  process.argv.slice(2),
  { stdout: (line) => console.log(line), stderr: (line) => console.error(line), env: process.env },
  packageJson.version,
).then((code) => {
  process.exitCode = code;
});
