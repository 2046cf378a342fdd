// Taking an XLSX's parts straight from the zip: stored and deflated parts, what it leaves to exceljs's unzip (a zip
// it does not take), and a part that inflates past the limit.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, it } from 'vitest';
import { readWorkbook } from '../../../../server/files/read-workbook.ts';
import { streamXlsx } from '../../../../server/files/xlsx-stream.ts';
import { MAX_UNPACKED_BYTES, zipParts } from '../../../../server/files/zip-parts.ts';

type Zip = {
  file(name: string, data: string | Buffer, options?: { compression?: 'STORE' | 'DEFLATE' }): Zip;
  generateAsync(o: { type: 'nodebuffer'; compression?: 'STORE' | 'DEFLATE' }): Promise<Buffer>;
};
// JSZip comes with exceljs: the way here to write zips part by part.
const JSZip = createRequire(import.meta.resolve('exceljs'))('jszip') as { new (): Zip; loadAsync(data: Buffer): Promise<Zip> };

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('결과').addRows([
    ['고객주문번호', '운송장번호'],
    ['box_1', '607012345671'],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('zipParts', () => {
  it('unpacks the parts asked for, stored or deflated, and leaves out the others', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>한글</a>', { compression: 'STORE' });
    zip.file('b.xml', '<b>' + 'x'.repeat(10_000) + '</b>', { compression: 'DEFLATE' });
    zip.file('c.xml', '<c/>');
    const parts = await zipParts(await zip.generateAsync({ type: 'nodebuffer' }), (name) => name !== 'c.xml');
    assert.deepEqual([...parts!.keys()].sort(), ['a.xml', 'b.xml']);
    assert.equal(parts!.get('a.xml')!.toString(), '<a>한글</a>');
    assert.equal(parts!.get('b.xml')!.length, 10_007);
  });

  it('answers null for what is not a zip it takes, so the caller unzips the slow way', async () => {
    assert.equal(await zipParts(Buffer.from('not a zip at all, not even close to one'), () => true), null);
    const bytes = await workbook();
    // Past its end a zip may carry anything; 70 KB of it hides the end record from a search of the last 64 KB.
    const padded = Buffer.concat([bytes, Buffer.alloc(70_000)]);
    assert.equal(await zipParts(padded, () => true), null);
    const book = await readWorkbook(padded);
    assert.deepEqual(book.sheets[0]!.rows, [
      ['고객주문번호', '운송장번호'],
      ['box_1', '607012345671'],
    ]);
  });

  it('reads a workbook whose parts are stored, not deflated, as the same cells', async () => {
    const deflated = await workbook();
    const zip = await JSZip.loadAsync(deflated);
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    assert.ok(stored.length > deflated.length);
    assert.deepEqual((await readWorkbook(stored)).sheets, (await readWorkbook(deflated)).sheets);
  });

  it('refuses a part that unpacks past the limit (a zip bomb) instead of filling memory', async () => {
    const zip = new JSZip();
    zip.file('bomb.xml', Buffer.alloc(2 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bomb.length < 10_000, `${bomb.length} bytes`);
    assert.equal((await zipParts(bomb, () => true, 2 * 1024 * 1024))!.get('bomb.xml')!.length, 2 * 1024 * 1024);
    await assert.rejects(
      zipParts(bomb, () => true, 1024 * 1024),
      /past the size allowed/,
    );
    assert.ok(MAX_UNPACKED_BYTES >= 100 * 1024 * 1024, 'a 20 MB file of sheets unpacks well under the limit');
  });

  it('counts the parts together, and a part unpacks to no more than its entry declares', async () => {
    const zip = new JSZip();
    zip.file('a.xml', Buffer.alloc(1024 * 1024));
    zip.file('b.xml', Buffer.alloc(1024 * 1024));
    const two = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await assert.rejects(
      zipParts(two, () => true, 1.5 * 1024 * 1024),
      /past the size allowed/,
    );
    assert.equal((await zipParts(two, (name) => name === 'a.xml', 1.5 * 1024 * 1024))!.size, 1);
    // An entry that declares less than its data holds (how a bomb slips under a limit on declared sizes) fails.
    const lying = Buffer.from(two);
    const entry = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1000, entry + 24);
    await assert.rejects(zipParts(lying, (name) => name === 'a.xml'));
  });

  it('refuses two entries pointing at one packed part (a bomb that multiplies one part)', async () => {
    const zip = new JSZip();
    zip.file('a.xml', '<a>' + 'x'.repeat(5000) + '</a>');
    zip.file('b.xml', '<b/>');
    const bytes = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // b.xml's directory entry made to point at a.xml's local header, sizes and all.
    const first = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), first + 4);
    for (const offset of [20, 24, 42]) bytes.writeUInt32LE(bytes.readUInt32LE(first + offset), second + offset);
    bytes.writeUInt32LE(bytes.readUInt32LE(first + 16), second + 16);
    await assert.rejects(
      zipParts(bytes, () => true),
      /share one part/,
    );
    assert.equal((await zipParts(bytes, (name) => name === 'a.xml'))!.get('a.xml')!.length, 5007);
  });

  it('refuses a part whose text is not UTF-8 rather than reading "�" into a cell', async () => {
    const zip = await JSZip.loadAsync(await workbook());
    const sheet = await (zip as unknown as { file(n: string): { async(t: 'string'): Promise<string> } })
      .file('xl/worksheets/sheet1.xml')
      .async('string');
    // A Latin-1 byte (0xE9) where UTF-8 text belongs: what a tool writing the XML in the wrong encoding leaves.
    const broken = Buffer.from(sheet.replace('</worksheet>', ''), 'utf8');
    zip.file('xl/worksheets/sheet1.xml', Buffer.concat([broken, Buffer.from([0xe9]), Buffer.from('</worksheet>')]));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await assert.rejects(readWorkbook(bytes), (error: { code?: string }) => error.code === 'unreadable_file');
  });

  it("holds exceljs's unzip (the way for zips it does not take) to the same budget", async () => {
    const zip = await JSZip.loadAsync(await workbook());
    const entry = (zip as unknown as { file(n: string): { async(t: 'string'): Promise<string> } }).file('xl/worksheets/sheet1.xml');
    // 3 MB of blanks inside the sheet: a few KB packed.
    zip.file('xl/worksheets/sheet1.xml', (await entry.async('string')).replace('</worksheet>', ' '.repeat(3 * 1024 * 1024) + '</worksheet>'));
    const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Padded past its end record's search: zip-parts answers null and exceljs unzips it.
    const bytes = Buffer.concat([packed, Buffer.alloc(70_000)]);
    assert.ok(bytes.length < 100_000);
    assert.equal(await zipParts(bytes, () => true), null);
    await assert.rejects(streamXlsx(bytes, 1000, 2 * 1024 * 1024), /past the size allowed/);
    const [sheet] = await streamXlsx(bytes, 1000);
    assert.deepEqual(sheet!.rows[1], ['box_1', '607012345671']);
  });

  it('counts the cells of every sheet against one budget, and blanks merged ranges over the rows kept only', async () => {
    const cell = (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`;
    /** A workbook of sheets whose rows are these (sheetData's inner XML), with these merged ranges. */
    const book = async (sheets: string[], merges = '') => {
      const made = new ExcelJS.Workbook();
      sheets.forEach((_, i) => made.addWorksheet(`s${i + 1}`).addRow(['x']));
      const zip = await JSZip.loadAsync(Buffer.from(await made.xlsx.writeBuffer()));
      for (const [i, rows] of sheets.entries()) {
        const name = `xl/worksheets/sheet${i + 1}.xml`;
        const entry = (zip as unknown as { file(n: string): { async(t: 'string'): Promise<string> } }).file(name);
        const data = `<sheetData>${rows}</sheetData>${merges ? `<mergeCells>${merges}</mergeCells>` : ''}`;
        zip.file(name, (await entry.async('string')).replace(/<sheetData>[\s\S]*<\/sheetData>/, data));
      }
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const unreadable = (error: { code?: string }) => error.code === 'unreadable_file';
    // Two sheets of 700 rows with a cell at XFD: each under the budget (11.5 million slots), together over it.
    const wide = Array.from({ length: 700 }, (_, i) => `<row r="${i + 1}">${cell(`XFD${i + 1}`)}</row>`).join('');
    assert.equal((await readWorkbook(await book([wide]))).sheets.length, 1);
    await assert.rejects(readWorkbook(await book([wide, wide])), unreadable);
    // A row at the very bottom makes a million empty rows before it: six such sheets (a 5 KB file) are too many.
    const far = `<row r="1048576">${cell('A1048576')}</row>`;
    await assert.rejects(readWorkbook(await book(Array.from({ length: 6 }, () => far))), unreadable);
    // 2,000 ranges down to the last row over a sheet with four rows read: each visits those rows only.
    const rows = `<row r="1">${cell('A1')}${cell('B1')}</row><row r="2">${cell('A2')}${cell('B2')}</row>${far}`;
    const ranges = Array.from({ length: 2000 }, (_, i) => `<mergeCell ref="A${(i % 2) + 1}:B1048576"/>`).join('');
    const [sheet] = (await readWorkbook(await book([rows], ranges))).sheets;
    assert.deepEqual(sheet!.rows[0], ['x']);
    assert.deepEqual(sheet!.rows[1], []);
    assert.deepEqual(sheet!.rows[1_048_575], []);
  });

  it("refuses a sheet whose references run past Excel's bounds instead of filling memory", async () => {
    /** The workbook with its sheet's rows replaced by `rows` (sheetData's inner XML). */
    const crafted = async (rows: string) => {
      const zip = await JSZip.loadAsync(await workbook());
      const entry = (zip as unknown as { file(n: string): { async(t: 'string'): Promise<string> } }).file('xl/worksheets/sheet1.xml');
      const xml = (await entry.async('string')).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
      zip.file('xl/worksheets/sheet1.xml', xml);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    const cell = (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>x</t></is></c>`;
    // A row numbered 900 million (a 6 KB file that filled the heap) and a column past XFD: damaged files.
    for (const rows of [`<row r="900000000">${cell('A900000000')}</row>`, `<row r="1">${cell('ZZZZ1')}</row>`]) {
      await assert.rejects(readWorkbook(await crafted(rows)), (error: { code?: string }) => error.code === 'unreadable_file');
    }
    // Within the bounds but a cell at XFD on every row: 20,000 rows × 16,384 slots, refused rather than built.
    const wide = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}">${cell(`XFD${i + 1}`)}</row>`).join('');
    await assert.rejects(readWorkbook(await crafted(wide)), (error: { code?: string }) => error.code === 'unreadable_file');
    // The last row and column Excel has are read.
    const [sheet] = (await readWorkbook(await crafted(`<row r="1048576">${cell('XFD1048576')}</row>`))).sheets;
    assert.equal(sheet!.rows.length, 1_048_576);
    assert.equal(sheet!.rows[1_048_575]!.length, 16_384);
    // A merged range down to the last row walks only the rows read.
    const merged = await JSZip.loadAsync(await crafted(`<row r="1">${cell('A1')}${cell('B1')}</row>`));
    const entry = (merged as unknown as { file(n: string): { async(t: 'string'): Promise<string> } }).file('xl/worksheets/sheet1.xml');
    const xml = await entry.async('string');
    merged.file(
      'xl/worksheets/sheet1.xml',
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1048576"/></mergeCells>'),
    );
    const book = await readWorkbook(await merged.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    assert.deepEqual(book.sheets[0]!.rows, [['x']]);
  });
});
