// What `npm start` prints once it is up: where the pane, the preview, the API and the sandbox malls (with their
// admin API) are, and the first password. Printed to the console, never logged.
import type { MallType } from '../shared/malls.ts';

export type BannerInput = {
  url: string;
  database: string;
  sandboxes: { mall_type: MallType; url: string }[] | null;
  trustHint: string | null;
  oneTimePassword: string | null;
};

export function startBanner(b: BannerInput): string {
  const lines = [
    '',
    `  ShipSheet is running: ${b.url}`,
    `  Try it without Excel: ${b.url}/preview  (the task pane beside an in-browser workbook)`,
    `  API:        ${b.url}/api/health  ·  ${b.url}/api/openapi.json`,
    `  Database:   ${b.database}`,
  ];
  if (b.sandboxes?.length) {
    lines.push(`  Sandbox malls (sample orders, no credentials needed): ${b.sandboxes.map((s) => `${s.mall_type} ${s.url}`).join('  ·  ')}`);
    // The admin API is how a user makes buyers cancel, deliveries happen or the mall fail (README: "The sandbox malls").
    const first = b.sandboxes[0]!.url;
    lines.push(
      `  Sandbox admin (no auth, loopback): <mall URL>/_sandbox/orders · /_sandbox/orders/:id/events · /_sandbox/faults`,
      `              e.g. curl ${first}/_sandbox/orders   (README: "The sandbox malls" lists the events and fault kinds)`,
    );
  }
  if (b.trustHint) lines.push(`  HTTPS:      local certificate; if the browser or Excel does not trust it yet: ${b.trustHint}`);
  if (b.oneTimePassword) {
    lines.push(
      '',
      `  First sign-in: username "admin", one-time password ${b.oneTimePassword}`,
      '  (shown once; you will be asked to choose a new password)',
    );
  }
  return lines.join('\n') + '\n\n';
}
