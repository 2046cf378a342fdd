// The direct-order sheet: a template to fill, then each new row checked here (same rules as the server, from the
// shared schema) and created as an order; the row gets its result and the created order's key, so running it
// again skips rows already created.
import type { z } from 'zod';
import { directOrderBody } from '../../../../shared/api/orders.schema.ts';
import { zodErrorIn } from '../../../../shared/api/zod-words.ts';
import { format, type Lang, type Messages } from '../../../../shared/i18n.ts';
import { DIRECT_CHANNEL_KINDS, DIRECT_COLUMNS } from '../../../../shared/sheet/direct-columns.ts';
import { ApiError, type Api } from '../../api/client.ts';
import { createDirectOrder } from '../../api/orders.ts';
import { readColumns, writeCells, writeTable, type CellPatches } from '../../excel/sheets.ts';
import { textOf } from '../../sheet/cells.ts';
import { putBeside } from '../../sheet/columns.ts';

export const DIRECT_SHEET = '직접주문';

const directMessages = {
  created: { ko: '생성', en: 'Created' },
  failed: { ko: '오류', en: 'Error' },
  bad_number: { ko: '{column}: 숫자를 넣으세요 ({value})', en: '{column}: enter a number ({value})' },
  bad_kind: { ko: '{column}: 직접, 매장출고, 지정 중 하나를 넣으세요 ({value})', en: '{column}: use direct, store or named ({value})' },
  required: { ko: '{column}: 필수입니다', en: '{column}: required' },
  invalid: { ko: '{column}: {message}', en: '{column}: {message}' },
  no_sheet: { ko: '"{sheet}" 시트가 없습니다. 템플릿 시트를 먼저 만드세요.', en: 'There is no "{sheet}" sheet. Create the template first.' },
} satisfies Messages;

export async function writeDirectTemplate(lang: Lang): Promise<void> {
  await writeTable({
    name: DIRECT_SHEET,
    header: DIRECT_COLUMNS.map((c) => c.header[lang]),
    rows: [],
    textColumns: DIRECT_COLUMNS.flatMap((c, i) => (c.text ? [i] : [])),
    widths: DIRECT_COLUMNS.map((c) => c.width),
    reserveRows: TEMPLATE_ROWS,
    headerTools: true,
    activate: true,
  });
}

/** Rows of the template whose phone, zip and tracking cells are text before the operator types (leading zeros). */
const TEMPLATE_ROWS = 2000;

const won = (text: string) => Number(text.replace(/[,\s원₩]/g, ''));

type Parsed = { ok: true; body: z.input<typeof directOrderBody> } | { ok: false; message: string };

/** One sheet row → the API body, or what is wrong with it (naming the column). */
export function parseDirectRow(cells: Map<string, string>, lang: Lang): Parsed {
  const header = (id: string) => DIRECT_COLUMNS.find((c) => c.id === id)!.header[lang];
  const say = (key: keyof typeof directMessages, params: Record<string, string>) => format(directMessages[key], params, lang);
  const body: Record<string, unknown> = {};
  for (const c of DIRECT_COLUMNS) {
    if (c.output) continue;
    const v = cells.get(c.id) ?? '';
    if (!v) {
      if (c.required) return { ok: false, message: say('required', { column: header(c.id) }) };
      continue;
    }
    if (c.id === 'total_amount' || c.id === 'quantity') {
      const n = won(v);
      if (!Number.isInteger(n)) return { ok: false, message: say('bad_number', { column: header(c.id), value: v }) };
      body[c.id] = n;
    } else if (c.id === 'channel_kind') {
      const kind = DIRECT_CHANNEL_KINDS[v.toLowerCase()];
      if (!kind) return { ok: false, message: say('bad_kind', { column: header(c.id), value: v }) };
      body[c.id] = kind;
    } else body[c.id] = v;
  }
  // In the pane's language, as the server would say it (zod alone speaks English: "Too small: expected number to be >=1").
  const checked = directOrderBody.safeParse(body, { error: zodErrorIn(lang) });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { ok: false, message: say('invalid', { column: header(String(issue.path[0] ?? '')), message: issue.message }) };
  }
  // Sent as typed (the server parses it with the same schema): the schema just accepted it.
  return { ok: true, body: body as z.input<typeof directOrderBody> };
}

/** Creates an order for every filled row without an order key; returns the counts. */
export async function createDirectOrders(api: Api, lang: Lang, progress?: (done: number, total: number) => void) {
  const sheet = await readColumns(DIRECT_SHEET, DIRECT_COLUMNS);
  if (!sheet) throw new Error(format(directMessages.no_sheet, { sheet: DIRECT_SHEET }, lang));
  const { rows, at } = sheet;
  const patches: CellPatches = new Map();
  const counts = { created: 0, failed: 0, skipped: 0 };
  const write = (row: number, result: string, message: string, orderId?: string) =>
    putBeside(at, patches, row, { result, message, ...(orderId ? { order_id: orderId } : {}) });
  for (let i = 0; i < rows.length; i++) {
    const cells = new Map([...at].map(([id, col]) => [id, textOf(rows[i]![col])]));
    const filled = DIRECT_COLUMNS.some((c) => !c.output && cells.get(c.id));
    if (!filled) continue;
    if (cells.get('order_id')) {
      counts.skipped++;
      continue;
    }
    const parsed = parseDirectRow(cells, lang);
    if (!parsed.ok) {
      counts.failed++;
      write(i + 1, format(directMessages.failed, {}, lang), parsed.message);
      continue;
    }
    try {
      const order = await createDirectOrder(api, parsed.body);
      counts.created++;
      // Made, with what the number's checks warned of (a check digit off is taken, and said).
      write(i + 1, format(directMessages.created, {}, lang), (order.warnings ?? []).join(' '), order.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      counts.failed++;
      write(i + 1, format(directMessages.failed, {}, lang), error.message);
    }
    progress?.(i + 1, rows.length);
  }
  await writeCells(DIRECT_SHEET, patches);
  return counts;
}
