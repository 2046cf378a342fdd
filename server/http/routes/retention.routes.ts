// Retention by hand (admins): what the daily run would erase, and running it now (server/modules/retention).
import { retentionResult } from '../../../shared/api/retention.schema.ts';
import type { AppDeps } from '../../deps.ts';
import { dryRun, eraseClosedOrders } from '../../modules/retention/retention.service.ts';
import { route } from '../route.ts';

export function retentionRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/admin/retention/dry-run',
      tag: 'admin',
      summary: 'How many closed orders the retention run would mask for good now (SHIPSHEET_RETENTION_DAYS after closing); changes nothing',
      access: 'admin',
      response: retentionResult,
      handler: async () => dryRun(deps.db, deps.config.retentionDays),
    }),
    route({
      method: 'post',
      path: '/admin/retention/run',
      tag: 'admin',
      summary:
        'Masks for good the orderer and recipient data of orders closed longer than SHIPSHEET_RETENTION_DAYS, now; recorded in the audit log. Irreversible',
      access: 'admin',
      response: retentionResult,
      handler: async ({ actor, info }) => eraseClosedOrders(deps.db, actor, info, deps.config.retentionDays),
    }),
  ];
}
