// Order tables are touched only inside the orders module, read from the source. The other layering rules (nothing
// below server/http imports it, routes never import a repo, shared/ imports neither side, SQL only in repos) are lint
// rules in eslint.config.mjs, proven in test/unit/lint/layering-rules.test.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('server layering', () => {
  it('order tables are queried only inside the orders module', () => {
    // A query on one (db('orders')), or an order table named to a bulk helper (selectWhereIn(db, 'order_lines', …)).
    const orderTable =
      /\b(?:db|trx)\(\s*'(?:orders|order_lines|boxes|order_history|order_notes)(?:\s+as\s+\w+)?'|\(\s*(?:db|trx|conn)\s*,\s*'(?:orders|order_lines|boxes|order_history|order_notes)'/;
    const outside = [...sources('server/jobs'), ...sources('server/modules')].filter((f) => !f.startsWith('server/modules/orders/'));
    assert.deepEqual(
      outside.filter((f) => orderTable.test(readFileSync(join(root, f), 'utf8'))),
      [],
    );
    // The check itself can see such a query.
    assert.ok(orderTable.test(readFileSync(join(root, 'server/modules/orders/mall-lines.repo.ts'), 'utf8')));
    assert.ok(orderTable.test(readFileSync(join(root, 'server/modules/orders/line-references.repo.ts'), 'utf8')));
  });
});
