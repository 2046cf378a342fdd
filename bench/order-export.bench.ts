// order-export: 50,000 order lines written as the order-list export, to XLSX and to CP949 CSV, through the
// streaming writers (server/files/), and to an encrypted XLSX (built in memory, see server/files/encrypt.ts).
// Baselines in the same run: exceljs' in-memory Workbook writing the same cells, and the whole CSV joined into
// one string and encoded at once. Each case runs in its own child process so its peak memory (maxRSS, which
// includes Node and tsx themselves: see `idle_mb`) is its own; rows are generated, not read from a database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvField } from '../server/files/csv-writer.ts';
import { writeExport } from '../server/files/export.ts';
import type { Cell } from '../shared/files/cells.ts';
import { orderListColumns, orderListRow } from '../shared/files/order-list.ts';
import { report, round } from './harness.ts';

const LINES = 50_000;
const TARGET_MB = 300;
const NAMES = ['김민준', '이서연', '박지훈', '최유진', '정하늘', '강도윤', '조수아', '윤지호'];
const STREETS = ['서울특별시 강남구 테헤란로 152', '경기도 성남시 분당구 판교역로 235', '부산광역시 해운대구 센텀중앙로 79'];
const CASES = ['idle', 'xlsx', 'xlsx-baseline', 'csv', 'csv-baseline', 'xlsx-encrypted'] as const;
type Case = (typeof CASES)[number];

/** One lines-view row as GET /api/order-lines returns it (the fields the export shows). */
function lineRow(i: number): Record<string, unknown> {
  return {
    status: 'READY',
    channel_name: i % 2 ? '쿠팡' : '네이버',
    mall_order_id: String(30000000000000 + Math.floor(i / 2)),
    mall_line_id: String(40000000000000 + i),
    order_date: '2026-11-25T03:00:00.000Z',
    recipient_name: NAMES[i % NAMES.length],
    recipient_mobile: '010-9876-5432',
    recipient_phone: '0504-1234-5678',
    recipient_zip: '06236',
    recipient_address1: STREETS[i % STREETS.length],
    recipient_address2: `${(i % 30) + 1}층 ${i % 100}호`,
    delivery_memo: '문 앞에 놓아주세요',
    product_name: `무선 이어폰 프로 ${(i % 2) + 1}`,
    option_text: '색상: 화이트 / 케이스 포함',
    quantity: 1,
    amount: 25800,
    courier: 'CJ',
    tracking_number: String(600000000000 + i),
    hold: false,
    hold_reason: null,
    memo: null,
    send_status: 'not_sent',
    send_error: null,
  };
}

function* cells(): Generator<Cell[]> {
  for (let i = 0; i < LINES; i++) yield orderListRow(lineRow(i), 'ko');
}

const columns = orderListColumns('ko');

async function runCase(which: Case, file: string): Promise<void> {
  const out = () => fs.createWriteStream(file);
  switch (which) {
    case 'idle':
      return;
    case 'xlsx':
      await writeExport(out(), { format: 'xlsx', name: '주문목록', columns, rows: cells() });
      return;
    case 'xlsx-encrypted':
      await writeExport(out(), { format: 'xlsx', name: '주문목록', columns, rows: cells(), password: 'bench-password' });
      return;
    case 'csv':
      await writeExport(out(), { format: 'csv', encoding: 'cp949', name: '주문목록', columns, rows: cells() });
      return;
    case 'xlsx-baseline': {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('주문목록');
      sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
      for (const row of cells()) sheet.addRow(row);
      await workbook.xlsx.writeFile(file);
      return;
    }
    case 'csv-baseline': {
      const lines = [columns.map((c) => csvField(c.header)).join(',')];
      for (const row of cells()) lines.push(row.map(csvField).join(','));
      fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'cp949'));
      return;
    }
  }
}

type Measured = { seconds: number; peak_mb: number; bytes: number };

/** Runs one case in a fresh process and reads back its time, peak RSS and file size. */
function measure(which: Case): Measured {
  const file = path.join(os.tmpdir(), `shipsheet-order-export-${process.pid}-${which}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), which, file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`order-export ${which} failed: ${child.stderr}`);
  fs.rmSync(file, { force: true });
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

export async function run(): Promise<void> {
  const idle = measure('idle');
  const m = Object.fromEntries(CASES.filter((c) => c !== 'idle').map((c) => [c, measure(c)])) as Record<Exclude<Case, 'idle'>, Measured>;
  const line = (format: string, ours: Measured, baseline: Measured | undefined, baselineName: string | undefined) =>
    report({
      bench: 'order-export',
      format,
      lines: LINES,
      seconds: round(ours.seconds),
      peak_mb: ours.peak_mb,
      idle_mb: idle.peak_mb,
      file_mb: round(ours.bytes / 1e6, 1),
      ...(baseline
        ? {
            baseline: baselineName,
            baseline_seconds: round(baseline.seconds),
            baseline_peak_mb: baseline.peak_mb,
            ratio: round(ours.seconds / baseline.seconds, 2),
            peak_ratio: round(ours.peak_mb / baseline.peak_mb, 2),
          }
        : { baseline: 'none: encryption needs the whole file (compare with the xlsx line)' }),
      target: `peak < ${TARGET_MB} MB`,
      met: ours.peak_mb < TARGET_MB,
    });
  line('xlsx', m.xlsx, m['xlsx-baseline'], 'exceljs in-memory Workbook, same cells, writeFile');
  line('csv-cp949', m.csv, m['csv-baseline'], 'all lines joined into one string, iconv.encode at once');
  line('xlsx-encrypted', m['xlsx-encrypted'], undefined, undefined);
}

// Child process: `order-export.bench.ts <case> <file>` runs one case and prints its figures.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [which, file] = process.argv.slice(2) as [Case, string];
  const start = process.hrtime.bigint();
  await runCase(which, file);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  process.stdout.write(JSON.stringify({ seconds, peak_mb: Math.round(process.resourceUsage().maxRSS / 1024), bytes }) + '\n');
}
