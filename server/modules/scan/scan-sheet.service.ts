// Scan-to-ship from a sheet (POST /api/scan/sheet): rows as a scanner typing into Excel writes them — a tracking
// number, then the barcodes of that box (the number repeated on each row, or only on the first: a blank number
// carries the row above's). Each box is opened and verified on its own (its own transaction), as at the packing
// table; every row gets a result beside it.
import type { ScanSheetBody, ScanSheetResponse } from '../../../shared/api/scan.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type Text } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { scanSheetMessages as m } from './scan.messages.ts';
import { openBox, scannedNumber, verifyBox } from './scan.service.ts';

type Row = Omit<ScanSheetResponse['rows'][number], 'message'> & { message: Text };
type BoxResult = Omit<ScanSheetResponse['boxes'][number], 'message'> & { message: Text };

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).trim());

export async function scanSheet(db: Db, actor: Actor, body: { rows: ScanSheetBody['rows'] }) {
  const rows: Row[] = [];
  // Boxes in the order their numbers first appear, with the rows of their scans.
  const groups = new Map<string, { scans: { barcode: string; count: number; row: number }[]; rows: number[] }>();
  let current: string | null = null;
  body.rows.forEach((r, row) => {
    const number = text(r.tracking_number) ? scannedNumber(text(r.tracking_number)) : null;
    const barcode = text(r.barcode);
    if (number) current = number;
    if (!number && !barcode) {
      rows.push({ row, result: 'blank', box_result: null, message: '' });
      return;
    }
    if (!current) {
      rows.push({ row, result: 'no_box', box_result: null, message: message(m.no_box) });
      return;
    }
    const group = groups.get(current) ?? { scans: [], rows: [] };
    groups.set(current, group);
    group.rows.push(row);
    if (barcode) group.scans.push({ barcode, count: 1, row });
    rows.push({ row, result: barcode ? 'counted' : 'box', box_result: null, message: '' });
  });

  const boxes: BoxResult[] = [];
  const autoSend = new Set<string>();
  let shipped = 0;
  for (const [number, group] of groups) {
    const result = await oneBox(db, actor, number, group.scans);
    boxes.push(result.box);
    for (const id of result.autoSend) autoSend.add(id);
    if (result.box.result === 'shipped') shipped++;
    for (const index of group.rows) {
      const row = rows[index]!;
      row.box_result = result.box.result;
      const problem = result.problems.get(index);
      if (problem) Object.assign(row, problem);
      else if (row.result !== 'counted' || !['shipped', 'short', 'refused'].includes(result.box.result)) row.message = result.box.message;
    }
  }
  return { boxes, rows, shipped, auto_send_accounts: [...autoSend] };
}

type Problem = { result: Row['result']; message: Text };

async function oneBox(
  db: Db,
  actor: Actor,
  number: string,
  scans: { barcode: string; count: number; row: number }[],
): Promise<{ box: BoxResult; problems: Map<number, Problem>; autoSend: string[] }> {
  const problems = new Map<number, Problem>();
  let opened;
  try {
    opened = await openBox(db, number);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'box_not_found') throw error;
    return { box: { tracking_number: number, box_id: null, result: 'not_found' as const, message: error.text }, problems, autoSend: [] };
  }
  if (!opened.verifiable) {
    const reasons = opened.blocks.map((b) => b.message);
    return {
      box: { tracking_number: number, box_id: opened.box_id, result: 'not_verifiable' as const, message: message(m.not_verifiable, { reasons }) },
      problems,
      autoSend: [],
    };
  }
  try {
    const verified = await verifyBox(db, actor, { box_id: opened.box_id, versions: opened.versions, scans });
    for (const p of verified.problems) problems.set(scans[p.scan_index]!.row, { result: p.code, message: p.message });
    return {
      box: { tracking_number: number, box_id: opened.box_id, result: verified.result, message: verified.message },
      problems,
      autoSend: verified.auto_send_accounts,
    };
  } catch (error) {
    // Changed between reading and verifying (another operator at the same moment): said, not thrown.
    if (!(error instanceof AppError) || error.type !== 'conflict') throw error;
    return { box: { tracking_number: number, box_id: opened.box_id, result: 'stale' as const, message: error.text }, problems, autoSend: [] };
  }
}
