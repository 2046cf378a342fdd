// Offline checks of manifest.xml: the XSD (libxml2's xmllint compiled to WebAssembly, the `xmllint-wasm` package,
// so nothing outside npm is needed; the schemas are vendored in scripts/schemas/office-manifest/, see PROVENANCE.txt
// there) and what the XSD cannot see — every resid resolves, the host is Workbook, every URL is HTTPS on the origin
// the server serves the pane from. `npm run validate-manifest` runs it; test/unit/manifest.test.ts runs it on the
// real file and on broken copies.
import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SCHEMA_DIR = path.join(ROOT, 'scripts', 'schemas', 'office-manifest');
/** The top schema; it imports the others by file name from the same folder. */
export const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
/** Where `npm start` serves the pane (README: sideloading). */
export const DEV_ORIGIN = 'https://localhost:3000';

/** Problems the schema cannot catch; an empty list means none. */
export function manifestProblems(xml: string, origin = DEV_ORIGIN): string[] {
  const problems: string[] = [];
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]!));
  for (const [, resid] of xml.matchAll(/resid="([^"]+)"/g)) {
    if (!ids.has(resid!)) problems.push(`resid "${resid}" has no resource`);
  }
  const hosts = [...xml.matchAll(/<Host\s+Name="([^"]+)"/g)].map((m) => m[1]);
  if (hosts.length !== 1 || hosts[0] !== 'Workbook') problems.push(`Hosts must be exactly Workbook, found ${hosts.join(', ') || 'none'}`);
  for (const [, type] of xml.matchAll(/<Host\s+xsi:type="([^"]+)"/g)) {
    if (type !== 'Workbook') problems.push(`VersionOverrides host must be Workbook, found ${type}`);
  }
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g), ...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!);
  for (const url of urls) {
    if (!url.startsWith('https://')) problems.push(`URL is not HTTPS: ${url}`);
    else if (new URL(url).origin !== origin) problems.push(`URL is not on ${origin}: ${url}`);
  }
  if (!/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/.test(xml)) problems.push('Requirements must name a minimum ExcelApi set');
  if (!/<DefaultLocale>ko-KR<\/DefaultLocale>/.test(xml)) problems.push('DefaultLocale must be ko-KR');
  return problems;
}

/** Validates against the XSD with xmllint (WebAssembly, offline); returns its complaints (empty when valid). */
export async function schemaProblems(xml: string): Promise<string[]> {
  const file = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8') });
  const imported = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd') && f !== path.basename(SCHEMA));
  const result = await validateXML({ xml: [{ fileName: 'manifest.xml', contents: xml }], schema: [file(path.basename(SCHEMA))], preload: imported.map(file) });
  if (result.valid) return [];
  const problems = result.errors.map((e) => e.rawMessage.trim()).filter((l) => l && !l.endsWith('fails to validate'));
  // A schema that does not compile reports no document errors: say so rather than pass or fail silently.
  return problems.length ? problems : [`schema validation failed: ${result.rawOutput.trim() || 'no output from xmllint'}`];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const problems = [...(await schemaProblems(xml)), ...manifestProblems(xml)];
  for (const p of problems) process.stderr.write(`manifest.xml: ${p}\n`);
  process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : 'manifest.xml is valid\n');
  process.exit(problems.length ? 1 : 0);
}
