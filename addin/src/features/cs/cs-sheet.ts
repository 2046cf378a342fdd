// The CS sheets: each list pulled into its own sheet (회수지연, 클레임대기, 취소철회, 반품입고), one row per claim with the
// ids and versions the actions need (hidden), and the actions on the rows the operator selected — a hold of the
// order, the claim completed (transitions API), a withdrawn cancel acknowledged, returned goods received (정상 입고
// back on a shelf, 불량 입고 without stock) — each row's result written beside it.
import { format, type Lang, type MessageText } from '../../../../shared/i18n.ts';
import type { CsListItem } from '../../../../shared/api/cs.schema.ts';
import { CLAIM_TYPE_LABELS, STATUS_LABELS, type Status } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import {
  acknowledgeWithdrawn,
  listDelayedReturns,
  listReturnsToReceive,
  listWaitingClaims,
  listWithdrawnCancels,
  receiveReturns,
} from '../../api/cs.ts';
import type { StartedJob } from '../../api/jobs.ts';
import { applyTransitions } from '../../api/orders.ts';
import { readColumns, selectedRows, writeCells, writeTable, type CellPatches } from '../../excel/sheets.ts';
import { textOf, type CellValue } from '../../sheet/cells.ts';
import { putBeside, type HeaderedColumn } from '../../sheet/columns.ts';
import { csPaneMessages as m } from './cs-messages.ts';
import { kstDate } from '../../../../shared/time.ts';

export type CsList = 'delayed' | 'claims' | 'withdrawn' | 'returns';

export const CS_SHEETS: Record<CsList, MessageText> = {
  delayed: { ko: '회수지연', en: 'Delayed returns' },
  claims: { ko: '클레임대기', en: 'Waiting claims' },
  withdrawn: { ko: '취소철회', en: 'Withdrawn cancels' },
  returns: { ko: '반품입고', en: 'Returns to receive' },
};

type Column = HeaderedColumn & { hidden?: boolean; width: number; text?: boolean };
/** A column is a field of the rows the lists send (so a renamed field fails the type check here) or one made below. */
type ColumnId = keyof Row | 'kind' | 'date' | 'result' | 'message';
const col = (id: ColumnId, ko: string, en: string, width: number, more: Partial<Column> = {}): Column => ({ id, header: { ko, en }, width, ...more });

const COLUMNS: Column[] = [
  col('claim_id', '클레임ID', 'Claim id', 10, { hidden: true, text: true }),
  col('line_id', '주문상품ID', 'Line id', 10, { hidden: true, text: true }),
  col('line_version', '주문상품버전', 'Line version', 6, { hidden: true }),
  col('order_id', '주문ID', 'Order id', 10, { hidden: true, text: true }),
  col('order_version', '주문버전', 'Order version', 6, { hidden: true }),
  col('mall_order_id', '주문번호', 'Order number', 20, { text: true }),
  col('channel_name', '판매처', 'Channel', 10),
  col('product_name', '상품명', 'Product', 24),
  col('option_text', '옵션', 'Option', 14),
  col('sku_code', '상품코드', 'SKU code', 12, { text: true }),
  col('quantity', '수량', 'Qty', 5),
  col('status', '상태', 'Status', 9),
  col('kind', '유형', 'Type', 7),
  col('date', '요청·철회일', 'Requested or withdrawn', 11),
  col('age_days', '경과일', 'Days', 6),
  col('reason', '사유', 'Reason', 14),
  col('result', '처리결과', 'Result', 8),
  col('message', '처리메시지', 'Message', 30),
];

/** A row as the lists send it; the sheet's columns are its fields, plus the ones made here (kind, date, result). */
type Row = CsListItem;

/** Pulls one list (every page) into its sheet; returns the count and what the list says besides. */
export async function pullCsList(api: Api, lang: Lang, list: CsList) {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let extra: { days?: number; flagged?: number } = {};
  do {
    const page =
      list === 'delayed'
        ? await listDelayedReturns(api, { limit: 500, ...(cursor ? { cursor } : {}) })
        : list === 'claims'
          ? await listWaitingClaims(api, { limit: 500, ...(cursor ? { cursor } : {}) })
          : list === 'returns'
            ? await listReturnsToReceive(api, { limit: 500, ...(cursor ? { cursor } : {}) })
            : await listWithdrawnCancels(api, { limit: 500, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    if ('delay_days' in page) extra = { days: page.delay_days, flagged: (extra.flagged ?? 0) + page.flagged_now };
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  const kind = (r: Row) => format(CLAIM_TYPE_LABELS[r.type ?? (list === 'delayed' ? 'return' : 'cancel')]!, {}, lang);
  const values: CellValue[][] = rows.map((r) =>
    COLUMNS.map((c): CellValue => {
      if (c.id === 'status') return format(STATUS_LABELS[r.status], {}, lang);
      if (c.id === 'kind') return kind(r);
      // The Korean day (a claim at 08:00 KST is 23:00 UTC the day before).
      if (c.id === 'date') return kstDate(list === 'withdrawn' ? r.withdrawn_at! : r.requested_at);
      if (c.id === 'result' || c.id === 'message') return '';
      const v = r[c.id as keyof Row];
      return v === undefined || v === null ? '' : v;
    }),
  );
  const name = format(CS_SHEETS[list], {}, lang);
  await writeTable({
    name,
    header: COLUMNS.map((c) => c.header[lang]),
    rows: values,
    textColumns: COLUMNS.flatMap((c, i) => (c.text ? [i] : [])),
    hiddenColumns: COLUMNS.flatMap((c, i) => (c.hidden ? [i] : [])),
    widths: COLUMNS.map((c) => c.width),
    headerTools: true,
    activate: true,
  });
  return { sheet: name, count: rows.length, ...extra };
}

export type CsAction = 'hold' | 'complete_claim' | 'acknowledge' | 'receive_sellable' | 'receive_defective';

/**
 * Applies an action to the rows selected on the list's sheet; each row's result is written beside it. `reason`: a
 * hold's reason, or a receipt's note; `warehouse`: where sellable returns go (the default warehouse when empty).
 */
export async function actOnSelected(api: Api, lang: Lang, list: CsList, action: CsAction, reason: string, warehouse = '') {
  const name = format(CS_SHEETS[list], {}, lang);
  const sheet = await readColumns(name, COLUMNS);
  if (!sheet) throw new Error(format(m.cs_no_sheet, {}, lang));
  const chosen = (await selectedRows(name)).filter((r) => r >= 1 && r <= sheet.rows.length);
  if (!chosen.length) throw new Error(format(m.cs_no_rows, { sheet: name }, lang));
  const cell = (row: number, id: string) => textOf(sheet.rows[row - 1]![sheet.at.get(id)!]);
  const results = new Map<number, { ok: boolean; message: string }>();
  // What an action moved, for every row that shows it (not only those selected): a line's status and version, an
  // order's version — so the sheet reads as the desk now is and a second action on it is not refused as stale.
  const moved = { lines: new Map<string, { status: string; version: number }>(), orders: new Map<string, number>() };
  let autoJobs: StartedJob[] = [];
  if (action === 'acknowledge') {
    const ids = chosen.map((r) => cell(r, 'claim_id'));
    const out = await acknowledgeWithdrawn(api, { claim_ids: [...new Set(ids)] });
    const byId = new Map(out.results.map((r) => [r.claim_id, r]));
    chosen.forEach((r, i) => results.set(r, { ok: byId.get(ids[i]!)?.result === 'acknowledged', message: byId.get(ids[i]!)?.message ?? '' }));
  } else if (action === 'receive_sellable' || action === 'receive_defective') {
    const ids = [...new Set(chosen.map((r) => cell(r, 'line_id')))];
    const out = await receiveReturns(api, {
      condition: action === 'receive_sellable' ? 'sellable' : 'defective',
      line_ids: ids,
      ...(warehouse ? { warehouse } : {}),
      ...(reason ? { note: reason } : {}),
    });
    const byId = new Map(out.results.map((r) => [r.line_id, r]));
    for (const r of chosen) {
      const res = byId.get(cell(r, 'line_id'));
      results.set(r, { ok: res?.result === 'received', message: res?.message ?? '' });
    }
  } else {
    // A hold is the order's; completing a claim is the line's. One item per order or line, however many rows name it.
    const key = action === 'hold' ? 'order' : 'line';
    const items = new Map<string, number>();
    for (const r of chosen) items.set(cell(r, `${key}_id`), Number(cell(r, `${key}_version`)));
    const out = await applyTransitions(api, {
      action,
      ...(action === 'hold' ? { reason } : {}),
      items: [...items].map(([id, version]) => ({ id, version })),
    });
    const byId = new Map(out.results.map((r) => [r.id, r]));
    for (const r of chosen) {
      const res = byId.get(cell(r, `${key}_id`));
      results.set(r, { ok: res?.result === 'applied', message: [res?.message, ...(res?.warnings ?? [])].filter(Boolean).join(' ') });
    }
    for (const r of out.results) {
      for (const l of r.lines ?? []) moved.lines.set(l.id, { status: l.status, version: l.version });
      if (key === 'order' && r.result === 'applied' && r.version !== undefined) moved.orders.set(r.id, r.version);
    }
    // 클레임 완료 of a mall's claim starts its 클레임 처리 전송 job: the caller follows it.
    autoJobs = out.auto_jobs ?? [];
  }
  const patches: CellPatches = new Map();
  for (const [row, r] of results)
    putBeside(sheet.at, patches, row, { result: format(r.ok ? m.cs_applied : m.cs_refused, {}, lang), message: r.message });
  sheet.rows.forEach((_, i) => {
    const line = moved.lines.get(cell(i + 1, 'line_id'));
    const order = moved.orders.get(cell(i + 1, 'order_id'));
    if (line) putBeside(sheet.at, patches, i + 1, { status: statusLabel(line.status, lang), line_version: line.version });
    if (order !== undefined) putBeside(sheet.at, patches, i + 1, { order_version: order });
  });
  await writeCells(name, patches);
  const applied = [...results.values()].filter((r) => r.ok).length;
  return { applied, refused: results.size - applied, autoJobs };
}

const statusLabel = (status: string, lang: Lang) => (status in STATUS_LABELS ? format(STATUS_LABELS[status as Status], {}, lang) : status);
