// SKUs from the active sheet (a supplier's list, a catalogue from another program) through the file pipeline: the
// sheet's rows go to the server as they are, the default SKU template maps the headers, and each row's result is
// written in a column beside it.
import { format, type Lang, type Messages } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { importSkus } from '../../api/catalogue.ts';
import { readActiveSheet, writeResultColumn } from '../../excel/import-sheet.ts';
import { RESULT_LABELS } from '../orders/order-sheet.ts';

export const skuImportMessages = {
  result_title: { ko: '상품 가져오기 결과', en: 'SKU import result' },
  imported: {
    ko: '"{sheet}" {rows}행: 반영 {applied} · 거부 {refused} (결과는 행 옆에)',
    en: '"{sheet}" {rows} rows: applied {applied} · refused {refused} (results beside the rows)',
  },
} satisfies Messages;

const RESULT_TITLES = new Set(Object.values(skuImportMessages.result_title));

export async function importActiveSheet(api: Api, lang: Lang): Promise<string> {
  const sheet = await readActiveSheet();
  const out = await importSkus(api, { source: { kind: 'sheet', name: sheet.name, rows: sheet.rows } });
  const cells = new Map(
    out.results.map((r) => {
      const label = format(RESULT_LABELS[r.result === 'refused' ? 'refused' : r.code === 'unchanged' ? 'unchanged' : 'applied'], {}, lang);
      return [r.row, r.message ? `${label}: ${r.message}` : label] as const;
    }),
  );
  await writeResultColumn({
    sheet: sheet.name,
    headerRow: out.header_row,
    title: format(skuImportMessages.result_title, {}, lang),
    isResultHeader: (text) => RESULT_TITLES.has(text),
    cells,
  });
  return format(skuImportMessages.imported, { sheet: sheet.name, rows: out.rows, applied: out.applied, refused: out.refused }, lang);
}
