// A seller center's "엑셀 다운로드" that is an HTML page named .xls (11번가, ESM and others): read as Excel opens it.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { describe, it } from 'vitest';
import { htmlTables, looksLikeHtml } from '../../../../server/files/html-tables.ts';
import { readWorkbook } from '../../../../server/files/read-workbook.ts';

/** As such a download looks: a layout table around the data table, Excel's number-format styles, EUC-KR. */
const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">
<style>td { mso-number-format:"\\@"; }</style></head><body>
<table><tr><td>발송처리 목록
  <table border="1">
    <tr><th>주문번호</th><th>수취인</th><th>연락처</th><th colspan="2">주소</th><th>메모</th></tr>
    <tr><td rowspan="2">0012345</td><td>홍길동</td><td>010-1234-5678</td><td>서울 강남구</td><td>101호</td><td>문 앞&nbsp;&amp; 경비실<br>부재 시 연락</td></tr>
    <tr><td>홍길동</td><td> 010-1234-5678 </td><td>서울 강남구</td><td></td><td></td></tr>
    <tr><td>0012346</td><td>김&#52384;수</td><td>010-2222-3333</td><td colspan="2">부산 해운대구</td><td><script>x()</script></td></tr>
  </table>
</td></tr></table></body></html>`;

describe('HTML tables saved as .xls', () => {
  it('reads the data table first, merged cells left empty after their first, line breaks kept, entities decoded', () => {
    assert.equal(looksLikeHtml(PAGE), true);
    assert.equal(looksLikeHtml('주문번호,수취인\n1,<b>'), false);
    const [data, layout] = htmlTables(PAGE, 100);
    assert.deepEqual(data!.rows, [
      ['주문번호', '수취인', '연락처', '주소', null, '메모'],
      ['0012345', '홍길동', '010-1234-5678', '서울 강남구', '101호', '문 앞 & 경비실\n부재 시 연락'],
      [null, '홍길동', '010-1234-5678', '서울 강남구', null, null],
      ['0012346', '김철수', '010-2222-3333', '부산 해운대구', null, null],
    ]);
    // The layout table around it keeps only its own text.
    assert.deepEqual(layout!.rows, [['발송처리 목록']]);
  });

  it('counts rows past the limit without keeping them', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>${i}</td></tr>`).join('');
    const [t] = htmlTables(`<table>${rows}</table>`, 10);
    assert.equal(t!.rows.length, 10);
    assert.equal(t!.filledRows, 30);
  });

  it('an EUC-KR page named .xls opens as a workbook of its tables, leading zeros kept as text', async () => {
    const book = await readWorkbook(iconv.encode(PAGE, 'cp949'), { filename: '발송처리_20261127.xls' });
    assert.equal(book.format, 'html');
    assert.equal(book.encoding, 'cp949');
    assert.deepEqual(
      book.sheets.map((s) => s.name),
      ['표 1', '표 2'],
    );
    assert.equal(book.sheets[0]!.rows[1]![0], '0012345');
    // A real Excel 97-2003 file is still refused with what to do.
    const biff = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    await assert.rejects(
      readWorkbook(biff, { filename: 'x.xls' }),
      (e: { code?: string }) => e.code === 'old_xls_format' || e.code === 'unreadable_file',
    );
  });
});
