// A saved invoice-import template that finds orders by the mall's order number (주문번호 + 송장번호 columns): what a
// seller whose courier file carries the order number saves once. Tests of imports by order number start from it.
import assert from 'node:assert/strict';
import type { ApiClient } from './malls.ts';

export async function saveOrderNumberTemplate(s: ApiClient, name: string): Promise<{ id: string }> {
  const saved = await s.call('POST', '/api/file-templates', {
    name,
    definition: {
      type: 'invoice_import',
      reference: 'mall_order_id',
      columns: [
        { field: 'mall_order_id', headers: ['주문번호'], required: true },
        { field: 'tracking_number', headers: ['송장번호'], required: true },
      ],
    },
  });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  return saved.body;
}
