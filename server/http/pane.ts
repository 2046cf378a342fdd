// The task pane from the same origin as the API (no CORS needed): the built pane (dist/addin, made by
// `npm run build`, which `npm start` runs first), office.js from the @microsoft/office-js package for local use,
// and the help page the manifest links.
import path from 'node:path';
import { createRequire } from 'node:module';
import express, { type Express } from 'express';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const PANE_DIR = path.join(ROOT, 'dist', 'addin');

export function mountPane(app: Express): void {
  const officeJs = path.dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/dist/office.js'));
  app.use('/office-js', express.static(officeJs, { maxAge: '1d' }));
  app.get('/', (_req, res) => res.redirect('/taskpane.html'));
  app.get('/help', (_req, res) => res.redirect('/help.html'));
  // The preview workbench: the pane beside an in-browser workbook, for trying ShipSheet without Excel.
  app.get('/preview', (_req, res) => res.redirect('/preview.html'));
  // Built files carry content hashes; the HTML must not be cached so a new build is picked up at once.
  app.use(
    express.static(PANE_DIR, {
      setHeaders: (res, file) => res.set('Cache-Control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    }),
  );
}
