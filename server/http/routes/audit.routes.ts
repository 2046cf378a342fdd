// Admins review who read personal data (access records, PIPA safety standard §8) and who did what (the audit log).
import { accessRecordsPage, accessRecordsQuery, auditLogPage, auditLogQuery } from '../../../shared/api/audit.schema.ts';
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
    route({
      method: 'get',
      path: '/audit/log',
      tag: 'audit',
      summary: 'Who did what to which record, newest first: imports and their undo, order uploads, retention runs, sign-ins, users, tokens',
      access: 'admin',
      response: auditLogPage,
      query: auditLogQuery,
      handler: async ({ query }) => audit.listAuditLog(deps.db, query),
    }),
  ];
}
