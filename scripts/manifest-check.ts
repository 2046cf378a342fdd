// Offline checks of manifest.xml: the XSD (xmllint, with the schemas in ../shared) and what the XSD cannot see —
// every resid resolves, the host is Workbook, every URL is HTTPS on the origin the server serves the pane from.
// `npm run validate-manifest` runs it; test/unit/manifest.test.ts runs it on the real file and on broken copies.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');
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

/** Runs xmllint against the XSD; returns its complaints (empty when valid). */
export function schemaProblems(xml: string): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.xml');
  fs.writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (run.error) return [`xmllint could not run (${run.error.message}): install libxml2-utils`];
  if (run.status === 0) return [];
  return run.stderr.split('\n').filter((l) => l && !l.endsWith('fails to validate') && !l.endsWith('validates'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const problems = [...schemaProblems(xml), ...manifestProblems(xml)];
  for (const p of problems) process.stderr.write(`manifest.xml: ${p}\n`);
  process.stdout.write(problems.length ? `${problems.length} problem(s)\n` : 'manifest.xml is valid\n');
  process.exit(problems.length ? 1 : 0);
}
