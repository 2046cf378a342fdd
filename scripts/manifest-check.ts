// Offline checks of manifest.xml: the XSD (libxml2's xmllint compiled to WebAssembly, the `xmllint-wasm` package,
// so nothing outside npm is needed; the schemas are vendored in scripts/schemas/office-manifest/, see PROVENANCE.txt
// there) and what the XSD cannot see — every resid resolves, the host is Workbook, every URL is HTTPS on the origin
// the server serves the pane from. The manifest is read with Microsoft's `office-addin-manifest` (its XML reader and
// ManifestInfo; not its `validate`, which calls an online service). `npm run validate-manifest` runs it;
// test/unit/manifest.test.ts runs it on the real file and on broken copies.
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';
import { ManifestHandlerXml, type Xml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml.js';
import { validateXML } from 'xmllint-wasm';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SCHEMA_DIR = path.join(ROOT, 'scripts', 'schemas', 'office-manifest');
/** The top schema; it imports the others by file name from the same folder. */
export const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
/** Where `npm start` serves the pane (README: sideloading). */
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * The library's XML manifest reader, fed from memory: `OfficeAddinManifest.readManifestFile` builds this same handler
 * for a `.xml` path, and the checks and the origin rewrite work on text (broken copies in tests, a rewritten manifest
 * before it is written), so only where the text comes from is replaced.
 */
class ManifestText extends ManifestHandlerXml {
  constructor(private readonly text: string) {
    super('manifest.xml');
  }
  override async readFromManifestFile(): Promise<string> {
    return this.text;
  }
}

export interface ReadManifest {
  /** What office-addin-manifest reads from the top level (hosts, locale, app domains, default settings…). */
  info: ManifestInfo;
  /** The whole document as the library's XML reader parsed it (xml2js: attributes under `$`, children in arrays). */
  tree: Xml;
}

/** Reads a manifest with office-addin-manifest; throws when it is not well-formed XML. */
export async function readManifest(xml: string): Promise<ReadManifest> {
  const reader = new ManifestText(xml);
  return { info: await reader.parseManifest(), tree: await reader.parseXmlAsync() };
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string | undefined;
}

/** Every element of the parsed document, depth first (the parts the ManifestInfo summary does not cover). */
function elements(tree: Xml): Element[] {
  const out: Element[] = [];
  const visit = (name: string, node: unknown) => {
    if (typeof node === 'string') return out.push({ name, attrs: {}, text: node });
    if (!node || typeof node !== 'object') return;
    const { $: attrs = {}, _: text, ...children } = node as Record<string, unknown>;
    out.push({ name, attrs: attrs as Record<string, string>, text: text as string | undefined });
    for (const [child, list] of Object.entries(children)) for (const item of list as unknown[]) visit(child, item);
  };
  for (const [name, root] of Object.entries(tree as Record<string, unknown>)) visit(name, root);
  return out;
}

/** Every URL the manifest points Office at: URL-valued attributes and the app domains. */
export function manifestUrls(tree: Xml): string[] {
  const urls: string[] = [];
  for (const el of elements(tree)) {
    for (const attr of ['DefaultValue', 'Value']) if (/^https?:/.test(el.attrs[attr] ?? '')) urls.push(el.attrs[attr]!);
    if (el.name === 'AppDomain' && el.text) urls.push(el.text.trim());
  }
  return urls;
}

/** Problems the schema cannot catch; an empty list means none. */
export async function manifestProblems(xml: string, origin = DEV_ORIGIN): Promise<string[]> {
  let read: ReadManifest;
  try {
    read = await readManifest(xml);
  } catch (err) {
    return [`not readable as a manifest: ${(err as Error).message.split('\n').slice(-1)[0]}`];
  }
  const { info, tree } = read;
  const all = elements(tree);
  const problems: string[] = [];
  const ids = new Set(all.filter((el) => /^bt:(Image|Url|String)$/.test(el.name) && el.attrs.id).map((el) => el.attrs.id));
  for (const el of all) {
    const resid = el.attrs.resid;
    if (resid !== undefined && !ids.has(resid)) problems.push(`resid "${resid}" has no resource`);
  }
  const hosts = info.hosts ?? [];
  if (hosts.length !== 1 || hosts[0] !== 'Workbook') problems.push(`Hosts must be exactly Workbook, found ${hosts.join(', ') || 'none'}`);
  for (const el of all) {
    const type = el.name === 'Host' ? el.attrs['xsi:type'] : undefined;
    if (type !== undefined && type !== 'Workbook') problems.push(`VersionOverrides host must be Workbook, found ${type}`);
  }
  for (const url of manifestUrls(tree)) {
    if (!url.startsWith('https://')) problems.push(`URL is not HTTPS: ${url}`);
    else if (new URL(url).origin !== origin) problems.push(`URL is not on ${origin}: ${url}`);
  }
  const excelApi = all.some((el) => el.name === 'Set' && el.attrs.Name === 'ExcelApi' && /^1\.\d+$/.test(el.attrs.MinVersion ?? ''));
  if (!excelApi) problems.push('Requirements must name a minimum ExcelApi set');
  if (info.defaultLocale !== 'ko-KR') problems.push('DefaultLocale must be ko-KR');
  return problems;
}

/** Validates against the XSD with xmllint (WebAssembly, offline); returns its complaints (empty when valid). */
export async function schemaProblems(xml: string): Promise<string[]> {
  const file = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8') });
  const imported = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd') && f !== path.basename(SCHEMA));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [file(path.basename(SCHEMA))],
    preload: imported.map(file),
  });
  if (result.valid) return [];
  const problems = result.errors.map((e) => e.rawMessage.trim()).filter((l) => l && !l.endsWith('fails to validate'));
  // A schema that does not compile reports no document errors: say so rather than pass or fail silently.
  return problems.length ? problems : [`schema validation failed: ${result.rawOutput.trim() || 'no output from xmllint'}`];
}

/** Both checks, the schema's first. */
export async function allProblems(xml: string, origin = DEV_ORIGIN): Promise<string[]> {
  return [...(await schemaProblems(xml)), ...(await manifestProblems(xml, origin))];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const problems = await allProblems(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  for (const p of problems) process.stderr.write(`manifest.xml: ${p}\n`);
  process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : 'manifest.xml is valid\n');
  process.exit(problems.length ? 1 : 0);
}
