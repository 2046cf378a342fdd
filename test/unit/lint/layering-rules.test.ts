// The layering rules in eslint.config.mjs, each shown to catch its violation: the lint runs on a line of code placed
// (virtually) in a file of the layer it must not cross from. `npm test` lints the real tree; this proves the rules
// are live rather than configured and silent.
import assert from 'node:assert/strict';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids and messages the lint reports for `code` as the file `path` (from the project root). */
async function findings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering rules (eslint.config.mjs)', () => {
  it('a module importing server/http is refused; the same import from a route is not', async () => {
    const code = "import { route } from '../../http/route.ts';\nexport const r = route;\n";
    assert.deepEqual(await findings('server/modules/orders/x.ts', code), [
      'boundaries/dependencies: server/modules, server/jobs and server/domain never import server/http.',
    ]);
    assert.equal((await findings('server/jobs/x.ts', "import { route } from '../http/route.ts';\nexport const r = route;\n")).length, 1);
    assert.deepEqual(await findings('server/http/routes/x.ts', "import { route } from '../route.ts';\nexport const r = route;\n"), []);
  });

  it('a route importing a repo is refused; a service importing it is not', async () => {
    const code = "import { insertAccessRecord } from '../../modules/audit/audit.repo.ts';\nexport const f = insertAccessRecord;\n";
    assert.deepEqual(await findings('server/http/routes/x.routes.ts', code), ['boundaries/dependencies: Routes call services, never a repo.']);
    const fromService = "import { insertAccessRecord } from './audit.repo.ts';\nexport const f = insertAccessRecord;\n";
    assert.deepEqual(await findings('server/modules/audit/x.service.ts', fromService), []);
  });

  it('shared/ imports neither side, and the pane imports no server code', async () => {
    assert.deepEqual(await findings('shared/x.ts', "import { ping } from '../server/db/knex.ts';\nexport const p = ping;\n"), [
      'boundaries/dependencies: shared/ imports neither server/ nor addin/.',
    ]);
    assert.equal((await findings('shared/x.ts', "import { runExcel } from '../addin/src/excel/run.ts';\nexport const r = runExcel;\n")).length, 1);
    assert.equal((await findings('addin/src/x.ts', "import { ping } from '../../server/db/knex.ts';\nexport const p = ping;\n")).length, 1);
  });

  it('Office.js globals are refused outside addin/src/excel/', async () => {
    const code = 'export const read = () => Excel.run(async (context) => context.sync());\n';
    assert.deepEqual(await findings('addin/src/features/x.ts', code), [
      "no-restricted-globals: Unexpected use of 'Excel'. Office.js is called only in addin/src/excel/ (the one Excel boundary).",
    ]);
    assert.deepEqual(await findings('addin/src/excel/x.ts', code), []);
  });

  it('knex queries, raw SQL and the knex package are refused outside *.repo.ts and server/db/', async () => {
    const code = [
      "import knex, { type Knex } from 'knex';",
      'export const k = knex;',
      "export const q = (db: Knex) => db('orders').where({ id: '1' });",
      "export const r = (trx: Knex.Transaction) => trx.raw('select 1');",
      "export const s = (deps: { db: Knex }) => deps.db.select('id').whereRaw('1 = 1');",
      '',
    ].join('\n');
    const found = await findings('server/modules/orders/x.service.ts', code);
    assert.equal(found.filter((m) => m.startsWith('@typescript-eslint/no-restricted-imports')).length, 1);
    assert.equal(found.filter((m) => m.includes('A knex query outside a repo')).length, 1);
    assert.equal(found.filter((m) => m.includes('Raw SQL outside a repo')).length, 2);
    assert.deepEqual(await findings('server/modules/orders/x.repo.ts', code), []);
    assert.deepEqual(await findings('server/db/x.ts', code), []);
    // A type-only import of Knex (how services pass a transaction along) is fine.
    assert.deepEqual(await findings('server/modules/orders/y.service.ts', "import type { Knex } from 'knex';\nexport type T = Knex;\n"), []);
  });

  it('the pane calls the API only through addin/src/api/: api.call elsewhere is refused, and the SQL rules still hold there', async () => {
    const code = "import type { Api } from '../../api/client.ts';\nexport const f = (api: Api) => api.call('GET', '/api/jobs');\n";
    assert.deepEqual(await findings('addin/src/features/jobs/x.ts', code), [
      'no-restricted-syntax: The pane calls the API through the typed functions of addin/src/api/ (auth.ts, jobs.ts, …), never api.call.',
    ]);
    const viaProps = "export const f = (props: { api: { call(m: string, p: string): Promise<unknown> } }) => props.api.call('GET', '/api/jobs');\n";
    assert.equal((await findings('addin/src/features/x.tsx', viaProps)).length, 1);
    assert.deepEqual(
      await findings('addin/src/api/x.ts', "import type { Api } from './client.ts';\nexport const f = (api: Api) => api.call('GET', '/api/jobs');\n"),
      [],
    );
    const sql = "export const q = (db: (t: string) => unknown) => db('orders');\n";
    assert.equal((await findings('addin/src/features/x.ts', sql)).filter((m) => m.includes('A knex query outside a repo')).length, 1);
  });

  it('server/modules, server/jobs and server/domain render no words: no format, render, pickLang or Lang; server/http may', async () => {
    const rule = '@typescript-eslint/no-restricted-imports';
    const renders =
      "import { format, type Lang } from '../../../shared/i18n.ts';\nexport const f = (l: Lang) => format({ ko: '', en: '' }, {}, l);\n";
    const found = await findings('server/modules/orders/x.service.ts', renders);
    assert.deepEqual(
      found.map((m) => m.split('. ')[0]),
      [
        `${rule}: 'format' import from '../../../shared/i18n.ts' is restricted from being used by a pattern`,
        `${rule}: 'Lang' import from '../../../shared/i18n.ts' is restricted from being used by a pattern`,
      ],
    );
    assert.equal((await findings('server/jobs/x.job.ts', "import { render } from '../../shared/i18n.ts';\nexport const r = render;\n")).length, 1);
    assert.equal((await findings('server/domain/x.ts', "import { pickLang } from '../../shared/i18n.ts';\nexport const p = pickLang;\n")).length, 1);
    // A repo is held to it too, while keeping its own freedom to use knex.
    assert.equal(
      (await findings('server/modules/orders/x.repo.ts', "import type { Lang } from '../../../shared/i18n.ts';\nexport type L = Lang;\n")).length,
      1,
    );
    assert.deepEqual(await findings('server/modules/orders/y.repo.ts', "import knex from 'knex';\nexport const k = knex;\n"), []);
    // Saying something is what the core does; rendering it is the edge's.
    assert.deepEqual(await findings('server/jobs/x.job.ts', "import { message } from '../../shared/i18n.ts';\nexport const m = message;\n"), []);
    assert.deepEqual(
      await findings(
        'server/http/x.ts',
        "import { render, type Lang } from '../../shared/i18n.ts';\nexport const r = (l: Lang) => render('x', l);\n",
      ),
      [],
    );
    // The knex rule still holds in the core next to this one.
    assert.equal((await findings('server/jobs/y.ts', "import knex from 'knex';\nexport const k = knex;\n")).length, 1);
  });
});
