// The task pane at Excel's width (about 320 px) in the preview workbench, and the check every screen is held to:
// nothing of the pane sticks out of it and the pane does not scroll sideways.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * Narrows the preview's pane (380 px by default) to the 320 px of Excel's task pane. The style is added by hand:
 * Playwright's addStyleTag fails on any CSP report meanwhile, and office.js outside Office tries a telemetry frame
 * the pane's CSP blocks (a CI run failed so).
 */
export async function narrowPane(page: Page): Promise<void> {
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'aside[aria-label="ShipSheet"] { box-sizing: border-box; width: 320px !important; min-width: 320px !important; }';
    document.head.appendChild(style);
  });
}

/**
 * The texts cut inside their own box under `scope`: an element that keeps its text on one line (nowrap, an
 * ellipsis) and is wider inside than its box — a badge squeezed by the card it is in showed neither end, though
 * nothing of it was drawn outside the pane. A text meant to be cut says so: an ellipsis with the whole text in its
 * title, or data-truncate on it or an ancestor. Fields and scrolling boxes are not texts.
 */
export async function cutTexts(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return [];
    return Array.from(root.querySelectorAll('*:not([data-tabster-dummy])'))
      .filter((el) => {
        if (!(el instanceof HTMLElement) || el.clientWidth < 1 || el.scrollWidth <= el.clientWidth + 1) return false;
        if (el.matches('input, textarea, select, [data-truncate], [data-truncate] *') || el.closest('[aria-hidden="true"]')) return false;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || ['auto', 'scroll'].includes(style.overflowX)) return false;
        if (!(style.whiteSpace === 'nowrap' || style.whiteSpace === 'pre' || style.textOverflow === 'ellipsis')) return false;
        return !(style.textOverflow === 'ellipsis' && el.title.trim() !== '' && el.title.trim() === (el.textContent ?? '').trim());
      })
      .map((el) => `cut ${el.scrollWidth} > ${el.clientWidth}: ${el.outerHTML.slice(0, 120)}`);
  }, scope);
}

/**
 * Fails naming every element of the pane drawn outside it, every text cut inside its own box (cutTexts), or the
 * pane's width when it is not 320 px or scrolls.
 */
export async function assertPaneFits(page: Page, what: string): Promise<void> {
  const outside = await page.evaluate(() => {
    const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
    const box = aside.getBoundingClientRect();
    return Array.from(aside.querySelectorAll('*:not([data-tabster-dummy])'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      })
      .map((el) => el.outerHTML.slice(0, 80))
      .concat(Math.round(box.width) === 320 && aside.scrollWidth <= aside.clientWidth ? [] : [`width ${box.width}`]);
  });
  assert.deepEqual(outside.concat(await cutTexts(page, 'aside[aria-label="ShipSheet"]')), [], `${what} at 320 px`);
}
