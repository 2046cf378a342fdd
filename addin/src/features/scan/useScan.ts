// The scan tab's state: the open box and what was scanned into it. Each scan is checked the moment it comes
// (shared/scan/check-box.ts, as the server will): a barcode of the box counts up, one past its quantity is refused
// at once; anything else is tried as a tracking number, and when it is none the server says why it does not belong
// (a wrong item, or an unknown barcode). A complete box is sent to verify and ships.
//
// A scanner does not wait for the server: scans that come while one is still being checked (the box opening, the
// verify) wait their turn and are checked in order, never dropped. The last scan counts only once its box has
// shipped: a verify that failed (no answer, or refused) leaves it uncounted, so scanning it again tries again.
import { useRef, useState } from 'react';
import type { ScanBox } from '../../../../shared/api/scan.schema.ts';
import { render, type Lang } from '../../../../shared/i18n.ts';
import { checkBox, skuOfCode } from '../../../../shared/scan/check-box.ts';
import { ApiError, type Api } from '../../api/client.ts';
import { openScanBox, setAsideScanBox, verifyScanBox } from '../../api/scan.ts';
import { errorText, said, saidJoined, type Said } from '../work.tsx';
import { beep } from './beep.ts';
import { scanPaneMessages as m } from './scan-messages.ts';

/** Kept as words and numbers, said in the pane's language when shown (a switch of language words it again). */
export type ScanNotice = { intent: 'success' | 'error' | 'info'; text: Said };

export function useScan(api: Api, lang: Lang) {
  const [box, setBox] = useState<ScanBox | null>(null);
  const [scans, setScans] = useState<{ barcode: string; count: number }[]>([]);
  const [notice, setNotice] = useState<ScanNotice | null>(null);
  const [pending, setPending] = useState(0);
  // The box and its scans as the queued scans see them (each reads what the one before it left, not a render's copy).
  const current = useRef<{ box: ScanBox | null; scans: { barcode: string; count: number }[] }>({ box: null, scans: [] });
  const queue = useRef<Promise<void>>(Promise.resolve());
  const put = (nextBox: ScanBox | null, nextScans: { barcode: string; count: number }[]) => {
    current.current = { box: nextBox, scans: nextScans };
    setBox(nextBox);
    setScans(nextScans);
  };

  const fail = (text: Said) => {
    beep('error');
    setNotice({ intent: 'error', text });
  };

  const counts = box ? checkBox(box.expected, scans).counts : new Map<string, number>();

  async function openBox(code: string): Promise<boolean> {
    try {
      const opened = await openScanBox(api, { tracking_number: code });
      put(opened, []);
      if (!opened.verifiable) fail(saidJoined([said(m.sc_blocked), ...opened.blocks.map((b) => b.message)], ' · '));
      else setNotice({ intent: 'info', text: said(m.sc_box, { number: opened.tracking_number, count: opened.expected.length }) });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'box_not_found') return false;
      throw error;
    }
  }

  async function scanOne(code: string) {
    const { box, scans } = current.current;
    try {
      const sku = box?.verifiable ? skuOfCode(box.expected, code) : undefined;
      if (box && sku) {
        const next = [...scans, { barcode: code, count: 1 }];
        const check = checkBox(box.expected, next);
        if (check.problems.length) return fail(render(check.problems[0]!.message, lang));
        if (!check.complete) {
          put(box, next);
          setNotice({
            intent: 'info',
            text: said(m.sc_counted, { code: sku.code, scanned: check.counts.get(sku.sku_id) ?? 0, expected: sku.quantity }),
          });
          return;
        }
        const done = await verifyScanBox(api, { box_id: box.box_id, versions: box.versions, scans: next });
        if (done.result !== 'shipped') return fail(done.message);
        beep('success');
        setNotice({ intent: 'success', text: said(m.sc_shipped, { number: box.tracking_number }) });
        put(null, []);
        return;
      }
      if (await openBox(code)) return;
      if (!box || !box.verifiable) return fail(said(m.sc_no_box, { code }));
      // Not this box's and not a box: the server tells a wrong item (a SKU of the catalogue) from an unknown code.
      const refused = await verifyScanBox(api, { box_id: box.box_id, versions: box.versions, scans: [{ barcode: code, count: 1 }] });
      fail(refused.message);
    } catch (error) {
      fail(errorText(error, lang));
    }
  }

  /** One scan (the field's text when Enter is pressed), checked after the scans before it. */
  function scan(raw: string): Promise<void> {
    const code = raw.trim();
    if (!code) return Promise.resolve();
    setPending((n) => n + 1);
    const done = queue.current.then(() => scanOne(code)).finally(() => setPending((n) => n - 1));
    queue.current = done;
    return done;
  }

  async function setAside(reason: string) {
    const { box } = current.current;
    if (!box) return;
    if (!reason.trim()) return fail(said(m.sc_reason_required));
    setPending((n) => n + 1);
    try {
      const out = await setAsideScanBox(api, { box_id: box.box_id, versions: box.versions, reason: reason.trim() });
      setNotice({ intent: 'success', text: said(m.sc_set_aside_done, { number: box.tracking_number, count: out.orders.length }) });
      put(null, []);
    } catch (error) {
      fail(errorText(error, lang));
    } finally {
      setPending((n) => n - 1);
    }
  }

  const reset = () => {
    put(null, []);
    setNotice(null);
  };

  return { box, counts, notice, busy: pending > 0, scan, setAside, reset, setNotice };
}
