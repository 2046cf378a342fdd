import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
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
