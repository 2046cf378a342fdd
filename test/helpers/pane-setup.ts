// The browser project's globalSetup (vitest.config.ts): builds the pane once before its files run. They run two at a
// time, and a build empties dist/addin first, so a file building it while another's browser loads a page would fail
// that page. Nothing to do when scripts/run-tests.mjs built it already (SHIPSHEET_PANE_BUILT); set here, it reaches
// the test processes, which then skip their own build (buildPane in browser.ts).
import { buildPane } from './browser.ts';

export default function setup(): void {
  buildPane();
  process.env.SHIPSHEET_PANE_BUILT = '1';
}
