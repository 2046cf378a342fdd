import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { jobsMessages } from '../../../server/jobs/jobs.messages.ts';
import { message } from '../../../shared/i18n.ts';
import { maskPersonalRecord } from '../../../shared/mask-record.ts';
import { cellOf } from '../../../shared/sheet/cell-values.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';

const sendStatus = ORDER_COLUMNS.find((c) => c.id === 'send_status')!;

describe('the 송장전송 cell', () => {
  it("shows the box's send for its lines, none for a line without a courier, and none for a canceled line", () => {
    const box = { courier: 'CJ', tracking_number: '607000086005', send_status: 'sent' };
    assert.equal(cellOf(sendStatus, { ...box, status: 'IN_TRANSIT' }, 'ko'), '전송완료');
    assert.equal(cellOf(sendStatus, { ...box, status: 'RETURNED' }, 'en'), 'Sent');
    assert.equal(cellOf(sendStatus, { courier: null, send_status: 'not_sent', status: 'READY' }, 'ko'), '');
    // Canceled inside a merged box the other orders shipped in: the mall has no number for it.
    assert.equal(cellOf(sendStatus, { ...box, status: 'CANCELED' }, 'ko'), '');
  });
});

describe('the 전송오류 cell', () => {
  const sendError = ORDER_COLUMNS.find((c) => c.id === 'send_error')!;
  const why = message(jobsMessages.number_changed, { sent: '607000086005', current: '607000086012' });

  it("puts a stored Message into the cell's language (the server's order-list export); text stays as it is", () => {
    assert.match(String(cellOf(sendError, { send_error: why }, 'en')), /^The number changed to 607000086012 while 607000086005/);
    assert.match(String(cellOf(sendError, { send_error: why }, 'ko')), /^보내는 사이에 송장번호가 607000086012로/);
    assert.equal(cellOf(sendError, { send_error: '송장번호 형식 오류' }, 'en'), '송장번호 형식 오류');
    assert.equal(cellOf(sendError, { send_error: null }, 'en'), '');
  });

  it("masks a viewer's copy inside the Message's words, as it would the text", () => {
    const said = message(jobsMessages.confirm_first, { detail: '홍길동 010-1234-5678 문의' });
    const masked = maskPersonalRecord({ recipient_name: '홍길동', orderer_name: '김철수', send_error: said });
    const text = String(cellOf(sendError, masked, 'en'));
    assert.doesNotMatch(text, /홍길동|1234/, text);
    assert.match(text, /^Not sent: the order is not confirmed at the mall/);
  });
});
