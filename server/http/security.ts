// Security headers and response compression, for every answer of the server (API and pane alike).
import zlib from 'node:zlib';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Where the pane may be framed: our own origin (the /preview workbench) and the Office hosts. Office on the web
 * frames add-ins from *.officeapps.live.com (Excel on the web), *.sharepoint.com and onedrive.live.com (files
 * opened from SharePoint / OneDrive), *.office.com / *.office365.com / *.cloud.microsoft (Microsoft 365 app and the
 * newer excel.cloud.microsoft); desktop Office loads the pane as a top-level page of its webview, which
 * frame-ancestors does not restrict.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.outlook.com',
  'https://*.cloud.microsoft',
];

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // office.js (and the host scripts it loads) come from our origin (/office-js), the pane's bundles too.
        'script-src': ["'self'"],
        // Fluent UI's Griffel and office.js's host scripts insert style rules at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': OFFICE_FRAME_ANCESTORS,
      },
    },
    // X-Frame-Options cannot name several origins: SAMEORIGIN would keep Office from framing the pane. The CSP's
    // frame-ancestors above is the framing rule instead.
    frameguard: false,
    // Office on the web shows the manifest's icons from its own origin: our files must be loadable cross-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Office dialogs (displayDialogAsync) talk to the pane through the opener; same-origin would cut that link.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  });
}

/** API answers carry tokens, orders and personal data: no cache (browser or proxy) keeps a copy. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

/**
 * gzip/br for everything but the server-sent events stream: compression buffers output until a block fills, which
 * would hold events back (and the stream never ends). The fastest levels: a 50,000-row import answer (10 MB of JSON)
 * takes 33 ms at gzip level 1 against 55 ms at the default 6 and 18 ms at brotli quality 1 against 77 ms at
 * compression's default 4, for 1.35 / 1.27 / 1.26 / 1.24 MB — JSON this repetitive gains next to nothing from more.
 */
export function compress(): RequestHandler {
  return compression({
    level: 1,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    filter: (req, res) => {
      const type = String(res.getHeader('content-type') ?? '');
      if (type.startsWith('text/event-stream') || (req.get('accept') ?? '').includes('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}
