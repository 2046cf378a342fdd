// Admins review who read personal data: the access records every such read leaves (PIPA safety standard §8).
import { accessRecordsPage, accessRecordsQuery } from '../../../shared/api/audit.schema.ts';
import type { AppDeps } from '../../deps.ts';
import * as audit from '../../modules/audit/audit.service.ts';
import { route } from '../route.ts';

export function auditRoutes(deps: AppDeps) {
  return [
    route({
      method: 'get',
      path: '/audit/access-records',
      tag: 'audit',
      summary: 'Reads of personal data, newest first: who, when, from which address, endpoint and filter, rows returned, masked or not',
      access: 'admin',
      response: accessRecordsPage,
      query: accessRecordsQuery,
      handler: async ({ query }) => audit.listAccessRecords(deps.db, query),
    }),
  ];
}
