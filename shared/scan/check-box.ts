// Scan-to-ship (송장 스캔 검수): what a box should hold against what was scanned. Shared so that the pane counts and
// refuses a scan the moment it is made (the scanner's beep) and the server decides the same way before it ships.
import { defineMessages, message, type Message } from '../i18n.ts';

/** One SKU the box should hold: its line(s)' SKUs × quantities, summed over the box. */
export type ExpectedSku = { sku_id: string; code: string; name: string; barcodes: string[]; quantity: number };

export type ScanProblemCode = 'unknown_barcode' | 'wrong_item' | 'extra_item';
export type ScanProblem = {
  code: ScanProblemCode;
  scan_index: number;
  barcode: string;
  sku_code: string | null;
  expected: number;
  scanned: number;
  message: Message;
};
export type Missing = { sku_id: string; code: string; name: string; expected: number; scanned: number };

export const scanMessages = defineMessages('scan', {
  unknown_barcode: {
    ko: '바코드 {barcode}: 등록된 상품이 아닙니다 (예상: {expected_list})',
    en: 'barcode {barcode}: no SKU has it (expected: {expected_list})',
  },
  wrong_item: {
    ko: '바코드 {barcode}({sku_code}): 이 박스의 상품이 아닙니다 (예상: {expected_list})',
    en: 'barcode {barcode} ({sku_code}) is not in this box (expected: {expected_list})',
  },
  extra_item: {
    ko: '바코드 {barcode}({sku_code}): 수량 초과 — 예상 {expected}개, 스캔 {scanned}개',
    en: 'barcode {barcode} ({sku_code}): too many — expected {expected}, scanned {scanned}',
  },
});

/** `A100 ×2, B200 ×1`: what the box holds, for messages. */
export function expectedList(expected: readonly ExpectedSku[]): string {
  return expected.map((e) => `${e.code} ×${e.quantity}`).join(', ');
}

/** The expected SKU a scanned code names: one of its barcodes, or its SKU code (typed by hand), ignoring case and spaces. */
export function skuOfCode(expected: readonly ExpectedSku[], code: string): ExpectedSku | undefined {
  const c = normaliseScan(code);
  return expected.find((e) => e.barcodes.some((b) => normaliseScan(b) === c)) ?? expected.find((e) => normaliseScan(e.code) === c);
}

/** A scanner's text as compared: trimmed, upper case, inner spaces gone (some scanners pad). */
export function normaliseScan(code: string): string {
  return code.trim().replace(/\s+/g, '').toUpperCase();
}

export type BoxCheck = { problems: ScanProblem[]; missing: Missing[]; counts: Map<string, number>; complete: boolean };

/**
 * Scans (a code and a count, in the order made) against the box. A code of no expected SKU is refused (`known` tells
 * a catalogue SKU — wrong item — from an unknown barcode); a scan that takes a SKU past its quantity is an extra item.
 * Refused scans are not counted. Complete: no problem, nothing missing.
 */
export function checkBox(
  expected: readonly ExpectedSku[],
  scans: readonly { barcode: string; count: number }[],
  known: (code: string) => string | null = () => null,
): BoxCheck {
  const counts = new Map<string, number>(expected.map((e) => [e.sku_id, 0]));
  const problems: ScanProblem[] = [];
  const expected_list = expectedList(expected);
  scans.forEach((scan, scan_index) => {
    const sku = skuOfCode(expected, scan.barcode);
    if (!sku) {
      const skuCode = known(scan.barcode);
      const code = skuCode ? 'wrong_item' : 'unknown_barcode';
      problems.push({
        code,
        scan_index,
        barcode: scan.barcode,
        sku_code: skuCode,
        expected: 0,
        scanned: scan.count,
        message: message(scanMessages[code], { barcode: scan.barcode, sku_code: skuCode ?? '', expected_list }),
      });
      return;
    }
    const had = counts.get(sku.sku_id) ?? 0;
    const fits = Math.max(0, Math.min(scan.count, sku.quantity - had));
    counts.set(sku.sku_id, had + fits);
    if (fits < scan.count) {
      const scanned = had + scan.count;
      problems.push({
        code: 'extra_item',
        scan_index,
        barcode: scan.barcode,
        sku_code: sku.code,
        expected: sku.quantity,
        scanned,
        message: message(scanMessages.extra_item, { barcode: scan.barcode, sku_code: sku.code, expected: sku.quantity, scanned }),
      });
    }
  });
  const missing = expected
    .filter((e) => (counts.get(e.sku_id) ?? 0) < e.quantity)
    .map((e) => ({ sku_id: e.sku_id, code: e.code, name: e.name, expected: e.quantity, scanned: counts.get(e.sku_id) ?? 0 }));
  return { problems, missing, counts, complete: !problems.length && !missing.length };
}
