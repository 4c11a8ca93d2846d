import { CC_LTI_NAMESPACES, CC_LTI_RESOURCE_TYPE, launchUrlProblem } from '@shared/publish/ccLtiLink';
import { CC_SCHEMA_VERSION } from '@shared/publish/ccManifest';
import { readText, report, type Checker } from './checkParts';
import type { CartridgeResource } from './manifestRead';
import { validateCartridgeLtiLink, validateCartridgeManifest } from './schemas';
import { childNamed, parseXml } from './xmlTree';

/**
 * A Common Cartridge 1.1 as Moodle's importer meets it (backup/converter/imscc11: the manifest validated against
 * IMS's schemas, then each LTI link against imslticc_v1p0p1.xsd), plus what Canvas needs to make modules of it: every
 * file a resource names present, every web content page present, every LTI link launching an absolute web address.
 */
export async function checkCartridge(
  checker: Checker,
  manifest: string,
  contents: { resources: readonly CartridgeResource[]; modules: readonly string[]; version: string },
): Promise<'cc' | null> {
  const { names, pass, fail, schemaRoot } = checker;
  if (contents.version !== CC_SCHEMA_VERSION) {
    fail(
      `imsmanifest.xml is a Common Cartridge of version “${contents.version}”; this check knows ${CC_SCHEMA_VERSION}`,
    );
    return null;
  }
  pass('imsmanifest.xml is IMS Common Cartridge 1.1');
  report(
    await validateCartridgeManifest(manifest, schemaRoot),
    'imsmanifest.xml',
    "IMS's CC 1.1 schema files",
    checker,
  );

  const files = [
    ...new Set(
      contents.resources.flatMap((resource) => [...(resource.href ? [resource.href] : []), ...resource.files]),
    ),
  ];
  const missing = files.filter((file) => !names.has(file));
  for (const file of missing) fail(`The manifest names ${file}, which is not in the package`);
  if (files.length > 0 && missing.length === 0) pass(`All ${files.length} files the manifest names are present`);

  let links = 0;
  for (const resource of contents.resources.filter((each) => each.type === CC_LTI_RESOURCE_TYPE)) {
    const [file] = resource.files;
    const entry = file === undefined ? undefined : names.get(file);
    if (file === undefined || !entry) {
      fail(`The LTI link ${resource.identifier} has no link file in the package`);
      continue;
    }
    links += 1;
    const xml = await readText(checker.zip, entry);
    report(await validateCartridgeLtiLink(xml, file, schemaRoot), file, 'imslticc_v1p0p1.xsd', checker);
    const parsed = parseXml(xml);
    const launch = 'error' in parsed ? undefined : childNamed(parsed.root, CC_LTI_NAMESPACES.blti, 'launch_url');
    const url = launch?.text.trim() ?? '';
    const problem = launchUrlProblem(url);
    if (problem) fail(`${file} launches no lesson: ${problem}`);
  }
  const pages = contents.resources.filter((each) => each.type === 'webcontent');
  const noPage = pages.filter((each) => each.href === null);
  for (const each of noPage) fail(`The web content ${each.identifier} names no page to open`);
  if (contents.modules.length === 0) fail('The cartridge has no module: an LMS would import nothing');
  else
    pass(
      `${contents.modules.length} module${contents.modules.length === 1 ? '' : 's'} (${contents.modules.join(', ')}); ${links} LTI link${links === 1 ? '' : 's'}, ${pages.length} web content page${pages.length === 1 ? '' : 's'}`,
    );
  return 'cc';
}
