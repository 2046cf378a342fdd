// The server's layers, read from the source: the domain never reaches up to HTTP, routes only wire services, and
// order tables are touched only inside the orders module.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The project files a source file imports, as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => relative(root, resolve(root, dirname(file), m[1]!)));
}

function offenders(files: string[], bad: (target: string) => boolean): string[] {
  return files.flatMap((f) => importsOf(f).filter(bad).map((t) => `${f} -> ${t}`));
}

describe('server layering', () => {
  it('nothing in server/modules, server/jobs or server/domain imports server/http', () => {
    const files = [...sources('server/modules'), ...sources('server/jobs'), ...sources('server/domain')];
    assert.ok(files.length > 20);
    assert.deepEqual(offenders(files, (t) => t.startsWith('server/http/')), []);
  });

  it('routes import services, never a repo', () => {
    const files = sources('server/http/routes');
    assert.ok(files.length >= 5);
    assert.deepEqual(offenders(files, (t) => t.endsWith('.repo.ts')), []);
  });

  it('order tables are queried only inside the orders module', () => {
    const orderTable = /\b(?:db|trx)\(\s*'(?:orders|order_lines|boxes|order_history|order_notes)(?:\s+as\s+\w+)?'/;
    const outside = [...sources('server/jobs'), ...sources('server/modules')].filter((f) => !f.startsWith('server/modules/orders/'));
    assert.deepEqual(outside.filter((f) => orderTable.test(readFileSync(join(root, f), 'utf8'))), []);
    // The check itself can see such a query.
    assert.ok(orderTable.test(readFileSync(join(root, 'server/modules/orders/mall-lines.repo.ts'), 'utf8')));
  });
});
