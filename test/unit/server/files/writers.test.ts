import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvField, toCp949Text, writeCsv } from '../../../../server/files/csv-writer.ts';
import { writeXlsx } from '../../../../server/files/xlsx-writer.ts';
import { neutraliseFormula, type Cell, type FileColumn } from '../../../../shared/files/cells.ts';
import { collector, readXlsx } from './helpers.ts';

const COLUMNS: FileColumn[] = [
  { header: '운송장번호', text: true },
  { header: '휴대폰', text: true },
  { header: '수취인' },
  { header: '금액' },
  { header: '메모' },
];

// Digit strings with leading zeros and 13+ digits, a negative amount, and text that would run as a formula.
const ROWS: Cell[][] = [
  ['012345678901', '01012345678', '김민준', 129000, '=HYPERLINK("http://evil.example","클릭")'],
  ['6890000000000123', '0212345678', '+SUM(A1)', -5000, '@cmd'],
  ['000000000017', null, '-1+2', 0, '\t=1+1'],
];

async function xlsxOf(rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): Promise<Buffer> {
  const out = collector();
  const result = await writeXlsx(out.stream, { sheetName: '주문/목록:1', columns: COLUMNS, rows });
  assert.equal(result.rows, 3);
  return out.bytes();
}

async function csvOf(rows: Cell[][], encoding: 'utf8' | 'utf8-bom' | 'cp949') {
  const out = collector();
  const result = await writeCsv(out.stream, { columns: COLUMNS, rows, encoding });
  return { bytes: out.bytes(), result };
}

describe('writeXlsx', () => {
  it('writes digit strings as text cells (leading zeros, 16 digits intact) and money as numbers, negative ones too', async () => {
    const { rows, sheet } = await readXlsx(await xlsxOf(ROWS));
    assert.deepEqual(rows[0], ['운송장번호', '휴대폰', '수취인', '금액', '메모']);
    assert.equal(sheet.name, '주문 목록 1');
    assert.equal(sheet.getCell('A2').type, ExcelJS.ValueType.String);
    assert.equal(sheet.getCell('A2').value, '012345678901');
    assert.equal(sheet.getCell('A3').value, '6890000000000123');
    assert.equal(sheet.getCell('B2').value, '01012345678');
    assert.equal(sheet.getCell('A4').value, '000000000017');
    assert.equal(sheet.getCell('D2').type, ExcelJS.ValueType.Number);
    assert.equal(sheet.getCell('D2').value, 129000);
    assert.equal(sheet.getCell('D3').value, -5000);
    assert.equal(sheet.getCell('D4').value, 0);
    assert.equal(sheet.getCell('B4').value, null);
    // The text format on digit columns keeps a cell text when the operator edits it.
    assert.equal(sheet.getCell('A2').numFmt, '@');
  });

  it('keeps text that would run as a formula as it is, in a string cell with the text format (never run, nor on an edit)', async () => {
    const { sheet } = await readXlsx(await xlsxOf(ROWS));
    for (const [ref, text] of [
      ['E2', '=HYPERLINK("http://evil.example","클릭")'],
      ['C3', '+SUM(A1)'],
      ['E3', '@cmd'],
      ['C4', '-1+2'],
      ['E4', '\t=1+1'],
    ] as const) {
      const cell = sheet.getCell(ref);
      assert.deepEqual([cell.type, cell.value, cell.numFmt], [ExcelJS.ValueType.String, text, '@'], ref);
    }
    assert.equal(sheet.getCell('C2').value, '김민준');
    assert.notEqual(sheet.getCell('C2').numFmt, '@', 'plain text keeps the general format');
  });

  it('streams: bytes reach the destination while rows are still being produced', async () => {
    const out = collector();
    let seenBeforeLast = 0;
    async function* rows() {
      for (let i = 0; i < 20_000; i++) {
        if (i === 19_999) seenBeforeLast = out.bytes().length;
        yield [String(i).padStart(12, '0'), '010-1234-5678', '이서연', i, '서울특별시 강남구 테헤란로 152 12층'] as Cell[];
      }
    }
    await writeXlsx(out.stream, { sheetName: 'big', columns: COLUMNS, rows: rows() });
    assert.ok(seenBeforeLast > 10_000, `only ${seenBeforeLast} bytes were out before the last row`);
    const { rows: read } = await readXlsx(out.bytes());
    assert.equal(read.length, 20_001);
    assert.deepEqual(read[20_000], ['000000019999', '010-1234-5678', '이서연', 19999, '서울특별시 강남구 테헤란로 152 12층']);
  });
});

describe('writeCsv', () => {
  it('CP949: decoded back with iconv-lite it equals the input, RFC 4180 quoting and CRLF line ends', async () => {
    const rows: Cell[][] = [
      ['012345678901', '010-1234-5678', '박지훈', 25800, '경비실, "부재시" 문앞'],
      ['000000000017', null, '남궁민수', -300, '첫 줄\n둘째 줄'],
    ];
    const { bytes, result } = await csvOf(rows, 'cp949');
    assert.deepEqual(result, { rows: 2, replaced: 0, replacedRows: [] });
    const text = iconv.decode(bytes, 'cp949');
    assert.equal(
      text,
      '운송장번호,휴대폰,수취인,금액,메모\r\n' +
        '012345678901,010-1234-5678,박지훈,25800,"경비실, ""부재시"" 문앞"\r\n' +
        '000000000017,,남궁민수,-300,"첫 줄\n둘째 줄"\r\n',
    );
    // Really CP949, not UTF-8: 박 is two bytes (B9 DA) there.
    assert.ok(bytes.includes(Buffer.from([0xb9, 0xda])));
    assert.equal(bytes.indexOf(Buffer.from('박', 'utf8')), -1);
  });

  it('CP949: a character it cannot hold becomes ? and is counted with its row; decomposed Hangul is composed first', async () => {
    const rows: Cell[][] = [
      ['1', '', '김민준', 1, '문 앞 🙏 감사'],
      ['2', '', '이서연', 1, '보통'],
      ['3', '', '\u1100\u1161\u11a8', 1, '☃ 눈사람 ☃'],
    ];
    const { bytes, result } = await csvOf(rows, 'cp949');
    assert.equal(result.replaced, 3);
    assert.deepEqual(result.replacedRows, [1, 3]);
    const lines = iconv.decode(bytes, 'cp949').split('\r\n');
    assert.equal(lines[1], '1,,김민준,1,문 앞 ? 감사');
    assert.equal(lines[3], '3,,각,1,? 눈사람 ?');
    assert.deepEqual(toCp949Text('漢字 한글 ABC'), { text: '漢字 한글 ABC', replaced: 0 });
  });

  it('UTF-8 with and without a BOM', async () => {
    const bom = await csvOf([['1', '', '김', 1, '']], 'utf8-bom');
    assert.deepEqual([...bom.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bom.bytes.subarray(3).toString('utf8'), '운송장번호,휴대폰,수취인,금액,메모\r\n1,,김,1,\r\n');
    const plain = await csvOf([['1', '', '김', 1, '🙏']], 'utf8');
    assert.equal(plain.bytes.toString('utf8'), '운송장번호,휴대폰,수취인,금액,메모\r\n1,,김,1,🙏\r\n');
    assert.equal(plain.result.replaced, 0);
  });

  it('neutralises formula text but leaves negative numbers alone', async () => {
    const { bytes } = await csvOf(ROWS, 'utf8');
    const lines = bytes.toString('utf8').split('\r\n');
    assert.equal(lines[1], `012345678901,01012345678,김민준,129000,"'=HYPERLINK(""http://evil.example"",""클릭"")"`);
    assert.equal(lines[2], "6890000000000123,0212345678,'+SUM(A1),-5000,'@cmd");
    assert.equal(lines[3], "000000000017,,'-1+2,0,'\t=1+1");
    assert.equal(csvField(-5000), '-5000');
    assert.equal(csvField('-5000'), "'-5000");
    assert.equal(neutraliseFormula('＝1+1'), "'＝1+1");
    assert.equal(neutraliseFormula('\r=1'), "'\r=1");
    assert.equal(neutraliseFormula('a=1'), 'a=1');
  });
});
