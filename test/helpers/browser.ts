// Headless Chromium from Debian (/usr/bin/chromium), driven by playwright-core, for the pane's end-to-end tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Builds the pane as `npm start` does, so tests run the code as it is now; skipped when the test runner has
 * built it once for all the test files (SHIPSHEET_PANE_BUILT).
 */
export function buildPane(): void {
  if (process.env.SHIPSHEET_PANE_BUILT) return;
  const run = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pane build failed:\n${run.stdout}\n${run.stderr}`);
}
