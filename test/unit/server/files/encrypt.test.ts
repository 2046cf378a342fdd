import { render } from '../../../../shared/i18n.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { checkFilePassword, encryptXlsx, PASSWORD_MAX_CHARS } from '../../../../server/files/encrypt.ts';
import { capped, writeExport } from '../../../../server/files/export.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { Cell, FileColumn } from '../../../../shared/files/cells.ts';
import { collector, readXlsx } from './helpers.ts';

const COLUMNS: FileColumn[] = [{ header: '수취인' }, { header: '휴대폰', text: true }, { header: '금액' }];
const ROWS: Cell[][] = [
  ['김민준', '010-1234-5678', 25800],
  ['=1+1', '01098765432', -100],
];
const PASSWORD = '택배 파일 2026!';

async function encryptedExport(password: string): Promise<Buffer> {
  const out = collector();
  const result = await writeExport(out.stream, { format: 'xlsx', name: '주문목록', columns: COLUMNS, rows: ROWS, password });
  assert.deepEqual(result, { rows: 2, encrypted: true });
  return out.bytes();
}

describe('encrypted XLSX', () => {
  it('is real ECMA-376 encryption: opens with the password and reads back the cells', async () => {
    const bytes = await encryptedExport(PASSWORD);
    assert.equal(officeCrypto.isEncrypted(bytes), true);
    // An encrypted package is an OLE compound file, not a zip: nothing of the sheet is readable without the key.
    assert.deepEqual([...bytes.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]);
    assert.equal(bytes.indexOf(Buffer.from('김민준')), -1);
    const plain = await officeCrypto.decrypt(bytes, { password: PASSWORD });
    const { rows, sheet } = await readXlsx(plain);
    assert.deepEqual(rows, [
      ['수취인', '휴대폰', '금액'],
      ['김민준', '010-1234-5678', 25800],
      ['=1+1', '01098765432', -100],
    ]);
    assert.equal(sheet.getCell('B3').type, ExcelJS.ValueType.String);
    // Formula-like text stays a string cell in the text format (xlsx-writer.ts): never run, on open or on an edit.
    assert.deepEqual([sheet.getCell('A3').type, sheet.getCell('A3').numFmt], [ExcelJS.ValueType.String, '@']);
  });

  it('does not open without the password or with a wrong one', async () => {
    const bytes = await encryptedExport(PASSWORD);
    await assert.rejects(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
    await assert.rejects(() => officeCrypto.decrypt(bytes, { password: '택배 파일 2027!' }));
  });

  it('password rules: non-empty, at most 255 characters (spaces count); a CSV cannot carry one', async () => {
    for (const bad of ['', undefined, 42, 'x'.repeat(PASSWORD_MAX_CHARS + 1)]) {
      assert.throws(
        () => checkFilePassword(bad),
        (e: unknown) => e instanceof AppError && e.type === 'invalid_data' && (e.details as { field: string }[])[0]!.field === 'password',
      );
    }
    assert.equal(checkFilePassword(' '.repeat(3)), '   ');
    const longest = '가'.repeat(PASSWORD_MAX_CHARS);
    const plain = await officeCrypto.decrypt(encryptXlsx(await plainXlsx(), longest), { password: longest });
    assert.equal((await readXlsx(plain)).rows.length, 3);
    assert.throws(() => encryptXlsx(Buffer.from('x'), ''), AppError);
    const out = collector();
    await assert.rejects(
      () => writeExport(out.stream, { format: 'csv', name: 'x', columns: COLUMNS, rows: ROWS, password: PASSWORD }),
      (e: unknown) => e instanceof AppError && e.code === 'csv_cannot_encrypt' && /XLSX/.test(render(e.text, 'en')),
    );
    assert.equal(out.bytes().length, 0);
  });
});

describe('encrypted export size cap', () => {
  it('refuses once the rows pass the cap (the file is built in memory), after passing the ones below it', async () => {
    const seen: unknown[] = [];
    await assert.rejects(
      async () => {
        for await (const row of capped(ROWS.concat(ROWS), 3)) seen.push(row);
      },
      (e: unknown) => e instanceof AppError && e.code === 'too_large_to_encrypt' && e.message.includes('3행'),
    );
    assert.equal(seen.length, 3);
  });
});

async function plainXlsx(): Promise<Buffer> {
  const out = collector();
  await writeExport(out.stream, { format: 'xlsx', name: 'x', columns: COLUMNS, rows: ROWS });
  return out.bytes();
}
