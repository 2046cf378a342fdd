// Files made here, the way sellers and couriers produce them: exceljs writes the XLSX, iconv-lite the CP949 CSV,
// officecrypto-tool the password-protected workbook.
import { createRequire } from 'node:module';
import { describe, it } from 'vitest';
import { render } from '../../../../shared/i18n.ts';
import assert from 'node:assert/strict';
// cfb comes with officecrypto-tool: the one way here to write the OLE container an Excel 97-2003 file lives in.
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';
import { AppError } from '../../../../shared/errors.ts';
import { mapRows } from '../../../../shared/files/map-rows.ts';
import { findBuiltInTemplate } from '../../../../shared/files/templates.ts';
import { MAX_FILE_BYTES, pickSheet, readWorkbook } from '../../../../server/files/read-workbook.ts';

async function xlsx(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('발주서'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.type, 'invalid_data');
  return error;
}

/** An OLE container with a BIFF8 Workbook stream (BOF then EOF record), not encrypted: an Excel 97-2003 file. */
function excel97Workbook(): Buffer {
  const biff = Buffer.alloc(24);
  biff.writeUInt16LE(0x0809, 0); // BOF
  biff.writeUInt16LE(16, 2);
  biff.writeUInt16LE(0x0600, 4); // BIFF8
  biff.writeUInt16LE(0x0005, 6); // workbook globals
  biff.writeUInt16LE(0x000a, 20); // EOF
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'Workbook', biff);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

const cjTemplate = findBuiltInTemplate('invoice_cj')!;

describe('readWorkbook: CSV', () => {
  it('reads CP949 with a title line above the header and a quoted comma', async () => {
    const text = 'CJ대한통운 운송장 결과 2025-11-30\r\n고객주문번호,운송장번호,받는분주소\r\nbox_1,607012345671,"서울시 강남구, 테헤란로 1"\r\n';
    const bytes = iconv.encode(text, 'cp949');
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the fixture is not valid UTF-8');
    const book = await readWorkbook(bytes, { filename: 'result.csv' });
    assert.equal(book.format, 'csv');
    assert.equal(book.encoding, 'cp949');
    const rows = book.sheets[0]!.rows;
    assert.deepEqual(rows[0], ['CJ대한통운 운송장 결과 2025-11-30']);
    assert.deepEqual(rows[2], ['box_1', '607012345671', '서울시 강남구, 테헤란로 1']);
    const mapped = mapRows(book.sheets[0]!, cjTemplate);
    assert.ok(mapped.ok);
    assert.equal(mapped.header_row, 2);
    assert.deepEqual(mapped.rows[0]?.values, { box_key: 'box_1', tracking_number: '607012345671', courier: 'CJ' });
  });

  it('reads UTF-8 with a BOM, doubled quotes and a line break inside quotes; leading zeros stay', async () => {
    const text = '\ufeff수취인,휴대폰,메모\n홍길동,01012345678,"그는 ""빨리"" 라고\n말했다"\n,,\n이몽룡,010-2222-3333,\n';
    const book = await readWorkbook(Buffer.from(text, 'utf8'));
    assert.equal(book.encoding, 'utf-8');
    assert.deepEqual(book.sheets[0]!.rows, [
      ['수취인', '휴대폰', '메모'],
      ['홍길동', '01012345678', '그는 "빨리" 라고\n말했다'],
      [null, null, null],
      ['이몽룡', '010-2222-3333', null],
    ]);
  });

  it('reads UTF-8 without a BOM, and tab-separated text', async () => {
    const plain = await readWorkbook(Buffer.from('a,b\n가,나\n'));
    assert.deepEqual(plain.sheets[0]!.rows, [
      ['a', 'b'],
      ['가', '나'],
    ]);
    const tabs = await readWorkbook(Buffer.from('운송장번호\t금액\n123\t1,000원\n'));
    assert.deepEqual(tabs.sheets[0]!.rows[1], ['123', '1,000원']);
  });
});

describe('readWorkbook: XLSX', () => {
  it('finds the header on row 4 under merged title rows; numbers stay numbers for normaliseCell', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('A1').value = '11월 운송장 결과';
      sheet.mergeCells('A1:D2');
      sheet.getCell('A3').value = '출력일';
      sheet.getCell('B3').value = new Date(Date.UTC(2025, 10, 30));
      sheet.addRow([]);
      sheet.getRow(4).values = ['고객주문번호', '운송장번호', '휴대폰', '금액'];
      sheet.getRow(5).values = ['box_1', 607012345671, 1012345678, 129000];
      sheet.getRow(6).values = ['box_2', 6070123456712345, 212345678, '129,000원'];
    });
    const book = await readWorkbook(bytes, { filename: '결과.xlsx' });
    const rows = book.sheets[0]!.rows;
    assert.equal(book.sheets[0]!.name, '발주서');
    assert.deepEqual(rows[0], ['11월 운송장 결과'], 'merged cells other than the top-left are empty');
    assert.deepEqual(rows[1], []);
    assert.deepEqual(rows[2], ['출력일', new Date(Date.UTC(2025, 10, 30))]);
    assert.deepEqual(rows[4], ['box_1', 607012345671, 1012345678, 129000]);
    const mapped = mapRows(book.sheets[0]!, cjTemplate);
    assert.ok(mapped.ok);
    assert.equal(mapped.header_row, 4);
    assert.equal(mapped.rows[0]?.values.tracking_number, '607012345671');
    assert.equal(mapped.rows[1]?.issues[0]?.code, 'excel_precision_lost', 'a 16-digit number stored as a number is refused');
  });

  it('reads formulas as their results, HYPERLINK and hyperlink cells as their text, rich text flat', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('A1').value = { formula: 'HYPERLINK("https://trace.cjlogistics.com/607012345671","607012345671")', result: '607012345671' };
      sheet.getCell('A2').value = { formula: 'HYPERLINK("https://x.example/1","""box"" 1")' } as ExcelJS.CellFormulaValue;
      sheet.getCell('A3').value = { text: 'box_3', hyperlink: 'https://x.example/3' };
      sheet.getCell('A4').value = { richText: [{ text: '홍' }, { font: { bold: true }, text: '길동' }] };
      sheet.getCell('A5').value = { formula: 'B5*2', result: 258000 };
      sheet.getCell('A6').value = { error: '#N/A' };
    });
    const rows = (await readWorkbook(bytes)).sheets[0]!.rows;
    assert.deepEqual(
      rows.map((row) => row[0]),
      ['607012345671', '"box" 1', 'box_3', '홍길동', 258000, '#N/A'],
    );
  });

  it('reads booleans, formula results of every type, shared formulas, dates by their format and 1904 dates', async () => {
    const bytes = await xlsx((sheet, workbook) => {
      workbook.properties.date1904 = true;
      sheet.getRow(1).values = [
        true,
        false,
        { formula: '1=1', result: true },
        { formula: '1/0', result: { error: '#DIV/0!' } },
      ] as ExcelJS.CellValue[];
      sheet.getCell('A2').value = { formula: 'A3+1', result: 2, shareType: 'shared', ref: 'A2:A3' } as ExcelJS.CellValue;
      sheet.getCell('A3').value = { sharedFormula: 'A2', result: 3 } as ExcelJS.CellValue;
      sheet.getCell('B2').value = 45000;
      sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('C2').value = new Date(Date.UTC(2025, 10, 30, 9, 30));
      sheet.getCell('D2').value = { formula: 'DATE(2025,11,30)', result: new Date(Date.UTC(2025, 10, 30)) } as ExcelJS.CellValue;
      sheet.getCell('E2').value = 1.5;
      sheet.getCell('E2').numFmt = '#,##0.00';
    });
    const rows = (await readWorkbook(bytes)).sheets[0]!.rows;
    assert.deepEqual(rows[0], [true, false, true, '#DIV/0!']);
    assert.deepEqual(rows[1], [2, new Date(Date.UTC(2027, 2, 16)), new Date(Date.UTC(2025, 10, 30, 9, 30)), new Date(Date.UTC(2025, 10, 30)), 1.5]);
    assert.deepEqual(rows[2], [3]);
  });

  it('reads inline strings (files written without a shared-strings part) and leaves empty cells and rows empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('결과');
    sheet.getCell('A1').value = '고객주문번호';
    sheet.getCell('C1').value = { richText: [{ text: '운송장' }, { font: { bold: true }, text: '번호' }] };
    sheet.getCell('D1').value = '';
    sheet.getCell('B3').value = 'box_1';
    sheet.getCell('E3').numFmt = '0.00';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
    assert.deepEqual((await readWorkbook(bytes)).sheets[0]!.rows, [['고객주문번호', null, '운송장번호'], [], [null, 'box_1']]);
  });

  it('reads 20,000 rows of Korean text exactly: no character split where the unzipped data splits', async () => {
    const want = Array.from({ length: 20_000 }, (_, i) => [`홍길동${i}`, `서울특별시 강남구 테헤란로 ${i}길`, 'CJ대한통운', `결과값${i}`]);
    const bytes = await xlsx((sheet) => {
      for (const [name, address, courier, result] of want) sheet.addRow([name, address, courier, { formula: 'A1&"x"', result }]);
    });
    const [sheet] = (await readWorkbook(bytes)).sheets;
    assert.equal(sheet!.name, '발주서');
    assert.equal(sheet!.rows.length, want.length);
    const wrong = sheet!.rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(want[i]));
    assert.equal(wrong, -1, `row ${wrong + 1}: ${JSON.stringify(sheet!.rows[wrong])}`);
  });

  it('reads a shared string with a phonetic guide (furigana) as its text, not the guide', async () => {
    const bytes = await xlsx((sheet) =>
      sheet.addRows([
        ['고객주문번호', '운송장번호'],
        ['漢字', '1234'],
      ]),
    );
    // exceljs writes no phonetic runs: added to the shared strings as Excel writes them.
    const JSZip = createRequire(import.meta.resolve('exceljs'))('jszip') as {
      loadAsync(data: Buffer): Promise<{
        file(name: string, data?: string): { async(type: 'string'): Promise<string> };
        generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer>;
      }>;
    };
    const zip = await JSZip.loadAsync(bytes);
    const strings = await zip.file('xl/sharedStrings.xml').async('string');
    assert.ok(strings.includes('<si><t>漢字</t></si>'));
    zip.file(
      'xl/sharedStrings.xml',
      strings.replace('<si><t>漢字</t></si>', '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>'),
    );
    const read = await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }));
    assert.deepEqual(read.sheets[0]!.rows, [
      ['고객주문번호', '운송장번호'],
      ['漢字', '1234'],
    ]);
  });

  it("keeps a merged range's value in its top-left cell only, across rows and columns", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('B1').value = '묶음';
      sheet.getCell('C2').value = '가려진 값';
      sheet.getCell('A3').value = 'box_1';
      sheet.getCell('D3').value = '옆';
      sheet.mergeCells('B1:C3');
    });
    assert.deepEqual((await readWorkbook(bytes)).sheets[0]!.rows, [[null, '묶음'], [], ['box_1', null, null, '옆']]);
  });

  it('opens a password-protected workbook with the right password only', async () => {
    const plainBytes = await xlsx((sheet) => {
      sheet.addRow(['고객주문번호', '운송장번호']);
      sheet.addRow(['box_1', '607012345671']);
    });
    const encrypted = officeCrypto.encrypt(plainBytes, { password: '택배1234' });
    assert.ok(officeCrypto.isEncrypted(encrypted));

    const none = await refusal(readWorkbook(encrypted, { filename: 'cj.xlsx' }));
    assert.equal(none.code, 'password_required');
    assert.match(none.message, /암호가 걸린 파일/);
    const wrong = await refusal(readWorkbook(encrypted, { password: 'nope' }));
    assert.equal(wrong.code, 'wrong_password');
    assert.match(render(wrong.text, 'en'), /password is wrong/);

    const book = await readWorkbook(encrypted, { password: '택배1234' });
    assert.deepEqual(book.sheets[0]!.rows[1], ['box_1', '607012345671']);
  });
});

describe('pickSheet', () => {
  it('takes the named sheet, else the first visible one with rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('빈 시트');
    workbook.addWorksheet('숨김', { state: 'hidden' }).addRow(['x']);
    workbook.addWorksheet('결과').addRow(['고객주문번호', '운송장번호']);
    const book = await readWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.deepEqual(
      book.sheets.map((s) => [s.name, s.hidden]),
      [
        ['빈 시트', false],
        ['숨김', true],
        ['결과', false],
      ],
    );
    assert.equal(pickSheet(book)?.name, '결과');
    assert.equal(pickSheet(book, '숨김')?.name, '숨김');
    assert.equal(pickSheet(book, '없음'), undefined);
  });
});

describe('readWorkbook: refusals', () => {
  it('refuses corrupt, old-format, empty and oversized files with a code, never a crash', async () => {
    const truncated = (await xlsx((sheet) => sheet.addRow(['a']))).subarray(0, 200);
    assert.equal((await refusal(readWorkbook(truncated))).code, 'unreadable_file');
    assert.equal((await refusal(readWorkbook(Buffer.from('not a workbook'), { filename: 'x.xlsx' }))).code, 'unreadable_file');
    assert.equal((await refusal(readWorkbook(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])))).code, 'unreadable_file');
    // A stray NUL in real text is a damaged cell (refused on its row later), not a binary file.
    const stray = await readWorkbook(Buffer.from('주문번호,메모\r\nA-1,a\u0000b\r\n', 'utf8'));
    assert.deepEqual(stray.sheets[0]!.rows[1], ['A-1', 'a\u0000b']);
    const brokenOle = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(brokenOle);
    assert.equal((await refusal(readWorkbook(brokenOle))).code, 'unreadable_file');
    const xls = await refusal(readWorkbook(excel97Workbook(), { filename: '결과.xls' }));
    assert.equal(xls.code, 'old_xls_format');
    assert.match(xls.message, /\.xlsx\(통합 문서\)로 저장/);
    assert.equal((await refusal(readWorkbook(Buffer.alloc(0)))).code, 'empty_file');
    const big = await refusal(readWorkbook(Buffer.alloc(MAX_FILE_BYTES + 1, 0x41)));
    assert.equal(big.code, 'file_too_large');
    assert.match(big.message, /최대 20\.0 MB/);
  });

  it('refuses a sheet over the row limit and says the limit', async () => {
    const lines = ['고객주문번호,운송장번호', ...Array.from({ length: 50_021 }, (_, i) => `box_${i},1`)];
    const error = await refusal(readWorkbook(Buffer.from(lines.join('\n'))));
    assert.equal(error.code, 'too_many_rows');
    assert.match(error.message, /50,000행까지/);
    const sheetOver = await refusal(
      readWorkbook(
        await xlsx((sheet) => {
          sheet.addRow(['고객주문번호', '운송장번호']);
          for (let i = 0; i < 50_025; i++) sheet.addRow([`box_${i}`, i]);
        }),
      ),
    );
    assert.equal(sheetOver.code, 'too_many_rows');
    assert.deepEqual(sheetOver.details, { sheet: '발주서', actual: '50,026', max: '50,000' }, 'the sheet counted to its end');
    const huge = await refusal(readWorkbook(Buffer.from('a\n'.repeat(250_000))));
    assert.equal(huge.code, 'too_many_rows', 'refused before parsing');
  });
});
