#!/usr/bin/env node
// The CLI is bundled with the rest of main by `npm run build`; this stub only finds it.
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('flipside: the CLI is not built yet; run `npm run build` in the Flipside Studio folder first');
  process.exit(1);
}
require(cli);
