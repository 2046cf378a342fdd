// Headless Chromium driven by playwright-core, for the pane's end-to-end tests. npm cannot install a browser, so
// one is looked for: CHROMIUM_PATH when set (only there), else Debian's /usr/bin/chromium, else a browser
// Playwright downloaded (`npx playwright-core install chromium`, into ~/.cache/ms-playwright or
// PLAYWRIGHT_BROWSERS_PATH). Without one the browser tests are skipped with the reason, unless
// SHIPSHEET_TEST_STRICT=1 (as .ci/run sets): then they fail, so CI cannot pass without having run them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { STRICT } from './strict.ts';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Inside a Playwright browser folder (chromium-1234/), by Playwright version. */
const PLAYWRIGHT_EXECUTABLES = [
  'chrome-linux/chrome',
  'chrome-linux64/chrome',
  'chrome-linux/headless_shell',
  'chrome-linux64/headless_shell',
  'chrome-headless-shell-linux64/chrome-headless-shell',
];

function playwrightBrowsers(): string[] {
  const roots = [process.env.PLAYWRIGHT_BROWSERS_PATH, path.join(os.homedir(), '.cache', 'ms-playwright')].filter(
    (r): r is string => !!r && r !== '0',
  );
  const found: string[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    // Newest first: a full chromium before a headless shell of the same version is fine either way.
    const dirs = fs
      .readdirSync(root)
      .filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
      .sort()
      .reverse();
    for (const dir of dirs) for (const exe of PLAYWRIGHT_EXECUTABLES) found.push(path.join(root, dir, exe));
  }
  return found;
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Where the browser was looked for, in order. */
export const CHROMIUM_CANDIDATES: string[] = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [...SYSTEM_PATHS, ...playwrightBrowsers()];
export const CHROMIUM: string | null = CHROMIUM_CANDIDATES.find(isExecutable) ?? null;

const WHERE = process.env.CHROMIUM_PATH
  ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable`
  : `looked in ${SYSTEM_PATHS.join(', ')} and ~/.cache/ms-playwright/chromium-*/`;
export const CHROMIUM_MISSING = `no Chromium for the browser tests (${WHERE}). To run them: apt-get install chromium, or npx playwright-core install chromium, or set CHROMIUM_PATH to a Chromium or Chrome executable`;

/**
 * The `skip` option for a browser test suite: the reason when there is no browser, false when the suite runs.
 * In strict mode it always runs, and `launchBrowser` fails with the reason.
 */
export const SKIP_WITHOUT_BROWSER: string | false = CHROMIUM || STRICT ? false : CHROMIUM_MISSING;

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(`${CHROMIUM_MISSING}${STRICT ? ' (SHIPSHEET_TEST_STRICT=1: a missing tool fails the run)' : ''}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Builds the pane as `npm start` does, so tests run the code as it is now; skipped when it was built once for all
 * the test files (SHIPSHEET_PANE_BUILT, set by scripts/run-tests.mjs and by the browser project's pane-setup.ts).
 */
export function buildPane(): void {
  if (process.env.SHIPSHEET_PANE_BUILT) return;
  const run = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pane build failed:\n${run.stdout}\n${run.stderr}`);
}
