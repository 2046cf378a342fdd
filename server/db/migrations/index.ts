// The migrations, in order. Listed here (not discovered on disk) so they load the same way under tsx, in a
// bundle and in tests. Append new files; never edit or reorder existing ones.
import type { Knex } from 'knex';
import * as core from './20261122000000_core.ts';
import * as jobs from './20261122010000_jobs.ts';
import * as jobsActive from './20261122020000_jobs_active.ts';
import * as orderNotesLatest from './20261123000000_order_notes_latest.ts';
import * as jobsRunner from './20261125010000_jobs_runner.ts';
import * as loginAttempts from './20261125020000_login_attempts.ts';
import * as streamTickets from './20261125020001_stream_tickets.ts';
import * as accessRecords from './20261125030000_access_records.ts';
import * as mallConfirmed from './20261125040000_mall_confirmed.ts';
import * as pendingMallChanges from './20261125040001_pending_mall_changes.ts';
import * as jobResultNames from './20261125040002_job_result_names.ts';
import * as pendingChangesDismissed from './20261125080000_pending_changes_dismissed.ts';
import * as fileTemplatesImports from './20261126010000_file_templates_imports.ts';
import * as orderUploads from './20261126020000_order_uploads.ts';
import * as exportRecords from './20261126030000_export_records.ts';
import * as shopSettings from './20261126050000_shop_settings.ts';
import * as invoiceImportUndoPacked from './20261126051000_invoice_import_undo_packed.ts';
import * as catalogue from './20261127000000_catalogue.ts';
import * as matchSummary from './20261127030000_match_summary.ts';
import * as mergeBatches from './20261128010000_merge_batches.ts';
import * as allocation from './20261128020000_allocation.ts';
import * as gifts from './20261128030000_gifts.ts';
import * as csLists from './20261128040000_cs_lists.ts';
import * as userSheetLayouts from './20261129020000_user_sheet_layouts.ts';
import * as userPulls from './20261129030000_user_pulls.ts';
import * as accountAutomation from './20261129040000_account_automation.ts';
import * as templateNameKey from './20261130010000_template_name_key.ts';
import * as transitionBatches from './20261201010000_transition_batches.ts';
import * as returnReceipts from './20261201020000_return_receipts.ts';
import * as trackingBands from './20261202010000_tracking_bands.ts';
import * as claimMallDecisions from './20261203010000_claim_mall_decisions.ts';
import * as mallRecipientDigest from './20261204010000_mall_recipient_digest.ts';
import * as lineMallTrackingNumber from './20261205010000_line_mall_tracking_number.ts';
import * as claimDecisionReason from './20261205020000_claim_decision_reason.ts';

type Migration = { up(knex: Knex): Promise<void>; down?(knex: Knex): Promise<void> };

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261122000000_core', core],
  ['20261122010000_jobs', jobs],
  ['20261122020000_jobs_active', jobsActive],
  ['20261123000000_order_notes_latest', orderNotesLatest],
  ['20261125010000_jobs_runner', jobsRunner],
  ['20261125020000_login_attempts', loginAttempts],
  ['20261125020001_stream_tickets', streamTickets],
  ['20261125030000_access_records', accessRecords],
  ['20261125040000_mall_confirmed', mallConfirmed],
  ['20261125040001_pending_mall_changes', pendingMallChanges],
  ['20261125040002_job_result_names', jobResultNames],
  ['20261125080000_pending_changes_dismissed', pendingChangesDismissed],
  ['20261126010000_file_templates_imports', fileTemplatesImports],
  ['20261126020000_order_uploads', orderUploads],
  ['20261126030000_export_records', exportRecords],
  ['20261126050000_shop_settings', shopSettings],
  ['20261126051000_invoice_import_undo_packed', invoiceImportUndoPacked],
  ['20261127000000_catalogue', catalogue],
  ['20261127030000_match_summary', matchSummary],
  ['20261128010000_merge_batches', mergeBatches],
  ['20261128020000_allocation', allocation],
  ['20261128030000_gifts', gifts],
  ['20261128040000_cs_lists', csLists],
  ['20261129020000_user_sheet_layouts', userSheetLayouts],
  ['20261129030000_user_pulls', userPulls],
  ['20261129040000_account_automation', accountAutomation],
  ['20261130010000_template_name_key', templateNameKey],
  ['20261201010000_transition_batches', transitionBatches],
  ['20261201020000_return_receipts', returnReceipts],
  ['20261202010000_tracking_bands', trackingBands],
  ['20261203010000_claim_mall_decisions', claimMallDecisions],
  ['20261204010000_mall_recipient_digest', mallRecipientDigest],
  ['20261205010000_line_mall_tracking_number', lineMallTrackingNumber],
  ['20261205020000_claim_decision_reason', claimDecisionReason],
];
