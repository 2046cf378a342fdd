// `npm run manifest -- --origin https://shipsheet.example.com [--out path]`: writes manifest.xml for a deployed origin.
// Every URL Office is pointed at (found by reading the manifest with office-addin-manifest, the same reader as the
// checks) is moved from the development origin to the given one; the text is otherwise kept as is (comments, layout),
// and the result must pass the same offline checks — on the new origin — before it is written (default
// dist/manifest.xml).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_ORIGIN, ROOT, allProblems, manifestUrls, readManifest } from './manifest-check.ts';

export const DEFAULT_OUT = path.join(ROOT, 'dist', 'manifest.xml');

/** The origin the pane is served from: HTTPS (Office loads nothing else), and an origin only — no path or query. */
export function parseOrigin(raw: string | undefined): string {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    throw new Error(`--origin must be an https:// origin, got ${JSON.stringify(raw ?? '')}`);
  }
  if (url.protocol !== 'https:') throw new Error(`--origin must use https://, got ${url.protocol}`);
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`--origin must be an origin only (no path, query or credentials), got ${raw}`);
  }
  return url.origin;
}

/** The manifest text with every development-origin URL moved to `origin`. */
export async function withOrigin(xml: string, origin: string): Promise<string> {
  const { tree } = await readManifest(xml);
  let out = xml;
  for (const url of new Set(manifestUrls(tree))) {
    if (new URL(url).origin !== DEV_ORIGIN) continue;
    const moved = origin + url.slice(DEV_ORIGIN.length);
    // Only whole attribute values and element texts: the comment that names the development origin stays true.
    out = out.replaceAll(`"${url}"`, `"${moved}"`).replaceAll(`>${url}<`, `>${moved}<`);
  }
  return out;
}

/** Rewrites, checks and writes; returns the problems (nothing is written when there are any). */
export async function writeManifest(originArg: string, outPath = DEFAULT_OUT, source = path.join(ROOT, 'manifest.xml')): Promise<string[]> {
  const origin = parseOrigin(originArg);
  const xml = await withOrigin(fs.readFileSync(source, 'utf8'), origin);
  const problems = await allProblems(xml, origin);
  if (problems.length) return problems;
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, xml);
  return [];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({ options: { origin: { type: 'string' }, out: { type: 'string' } } });
  // npm runs scripts from the package folder; a relative --out means relative to where the user typed the command.
  const out = values.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : DEFAULT_OUT;
  try {
    const problems = await writeManifest(values.origin ?? '', out);
    for (const p of problems) process.stderr.write(`manifest: ${p}\n`);
    if (problems.length) process.exit(1);
    process.stdout.write(`wrote ${path.relative(process.cwd(), out) || out} for ${parseOrigin(values.origin)}\n`);
  } catch (err) {
    process.stderr.write(`manifest: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
