// The sandbox admin API's `recipient` (POST /_sandbox/orders), the same on both malls: every order created goes to
// that name and address with the numbers given (Naver's tel1 / tel2; Coupang's safeNumber, a 050x one when none is
// given), so tests and demos can craft orders that ship together; a recipient without a 5-digit zip is a 400.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import { startCoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { startNaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import { sandboxAdmin } from '../helpers/malls.ts';

const recipient = { name: '김합포', zip: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '12층' };

describe('sandbox admin API: orders to a given recipient', () => {
  const closing: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of closing) await s.close();
  });

  it('Naver: tel1 and tel2 as given, on every product order of every order created', async () => {
    const sandbox = await startNaverSandbox({ clientId: 'recipient', clientSecret: '$2a$04$abcdefghijklmnopqrstuv' });
    closing.push(sandbox);
    const orders = await sandboxAdmin(sandbox.url).createOrders({
      count: 3,
      recipient: { ...recipient, phone: '010-2222-3333', mobile: '01022223333' },
    });
    const addresses = orders.flatMap((o) => o.productOrders.map((p: { recipient: unknown }) => p.recipient));
    assert.ok(addresses.length >= 3);
    for (const a of addresses) {
      assert.deepEqual(a, {
        name: '김합포',
        tel1: '010-2222-3333',
        tel2: '01022223333',
        zipCode: '06236',
        baseAddress: recipient.address1,
        detailedAddress: '12층',
      });
    }
  });

  it('Coupang: the receiver as given; a recipient without a 5-digit zip is refused', async () => {
    const sandbox = await startCoupangSandbox({ vendorId: 'A00012345', accessKey: 'a', secretKey: 's' });
    closing.push(sandbox);
    const admin = sandboxAdmin(sandbox.url);
    const [order] = await admin.createOrders({ recipient: { ...recipient, address1: '서울 강남구 테헤란로 152' } });
    assert.deepEqual(order.receiver, { name: '김합포', addr1: '서울 강남구 테헤란로 152', addr2: '12층', postCode: '06236' });
    await assert.rejects(admin.createOrders({ recipient: { ...recipient, zip: '123' } }), /400.*zip/);
  });
});
