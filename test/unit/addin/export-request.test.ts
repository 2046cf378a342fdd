// The pane's export and pull reasons without a browser: the request the export form makes (format, encoding,
// password only with XLSX, the orders pane's filters, a courier template's own format), the reason's checks, and
// the session's memory of the last reason (per sign-in).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { bookingExportBody, orderLinesExportBody } from '../../../shared/api/exports.schema.ts';
import { DEFAULT_EXPORT, exportCall, fileSize, withTemplate, type ExportChoice } from '../../../addin/src/features/files/export-request.ts';
import { ReasonMemory, reasonOfChoice } from '../../../addin/src/features/reason/session-reason.ts';

const shipping = { reason: 'shipping', text: '' } as const;

describe('export request', () => {
  it('a CJ booking file: the template’s format, an XLSX password, the reason', () => {
    const choice = { ...withTemplate({ ...DEFAULT_EXPORT, what: 'booking' }, 'cj'), password: '열쇠-1234' };
    assert.equal(choice.format, 'xlsx');
    assert.equal(choice.encoding, 'cp949', 'courier programs read CP949 when CSV is chosen');
    const out = exportCall(choice, { reason: 'other', text: '  택배 접수  ' });
    assert.ok('call' in out);
    assert.deepEqual(out.call, {
      kind: 'booking',
      body: { template: 'cj', format: 'xlsx', password: '열쇠-1234', reason: 'other', reason_text: '택배 접수' },
      reason: { reason: 'other', reason_text: '택배 접수' },
    });
    assert.ok(bookingExportBody.safeParse(out.call.body).success, 'the server takes it');
  });

  it('CSV carries its encoding and never a password; an unknown template changes nothing', () => {
    const choice: ExportChoice = { ...DEFAULT_EXPORT, what: 'booking', format: 'csv', encoding: 'cp949', password: 'left-over' };
    const out = exportCall(choice, shipping);
    assert.ok('call' in out);
    assert.deepEqual(out.call.body, { template: 'cj', format: 'csv', encoding: 'cp949', reason: 'shipping' });
    assert.equal(withTemplate(choice, 'nope'), choice);
    assert.equal(withTemplate(choice, 'generic').encoding, 'utf8-bom');
  });

  it('an order list sends only the filters that are set, as GET /api/order-lines reads them', () => {
    const choice: ExportChoice = {
      ...DEFAULT_EXPORT,
      filter: { status: ['READY', 'INVOICED'], mall_account_id: '', from: '2026-11-01', to: '', q: '  홍길동 ', marks: ['priority', 'has_memo'] },
    };
    const out = exportCall(choice, shipping);
    assert.ok('call' in out);
    assert.deepEqual(out.call.body, {
      status: ['READY', 'INVOICED'],
      from: '2026-11-01',
      q: '홍길동',
      priority: 'true',
      has_memo: 'true',
      format: 'xlsx',
      reason: 'shipping',
    });
    assert.ok(orderLinesExportBody.safeParse(out.call.body).success);
    assert.deepEqual(exportCall({ ...choice, filter: { ...choice.filter, to: '2026-10-01' } }, shipping), { problem: 'dates_reversed' });
  });

  it('no request without a reason; 기타 needs words', () => {
    assert.deepEqual(exportCall(DEFAULT_EXPORT, { reason: '', text: '' }), { problem: 'reason_missing' });
    assert.deepEqual(exportCall(DEFAULT_EXPORT, { reason: 'other', text: '   ' }), { problem: 'reason_text_missing' });
    assert.deepEqual(reasonOfChoice({ reason: 'settlement', text: 'x'.repeat(201) }), { problem: 'reason_text_long' });
    assert.deepEqual(reasonOfChoice({ reason: 'settlement', text: ' 월말 ' }), { reason: { reason: 'settlement', reason_text: '월말' } });
  });

  it('file sizes for the notice', () => {
    assert.deepEqual([fileSize(900), fileSize(12_650), fileSize(3_500_000)], ['900 B', '12.4 KB', '3.3 MB']);
  });
});

describe('the session’s reason', () => {
  it('is remembered per sign-in, told to subscribers, and forgotten on request', () => {
    const memory = new ReasonMemory();
    let told = 0;
    const stop = memory.subscribe(() => told++);
    assert.equal(memory.get('tok_a'), null, 'the first pull of a session asks');
    memory.remember('tok_a', { reason: 'customer_inquiry' });
    assert.deepEqual(memory.get('tok_a'), { reason: 'customer_inquiry' });
    assert.equal(memory.get('tok_a'), memory.get('tok_a'), 'the same object while unchanged (a stable snapshot)');
    assert.equal(memory.get('tok_b'), null, 'another sign-in asks again');
    assert.equal(memory.get(null), null);
    memory.remember(null, { reason: 'shipping' });
    assert.deepEqual(memory.get('tok_a'), { reason: 'customer_inquiry' }, 'nothing kept without a session');
    memory.forget();
    assert.equal(memory.get('tok_a'), null);
    assert.equal(told, 2);
    stop();
    memory.remember('tok_a', { reason: 'shipping' });
    assert.equal(told, 2);
  });
});
