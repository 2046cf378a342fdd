// 클레임 처리 전송 for Coupang (mall-apis.md §1.6): what an operator decided on a buyer's cancel or return, told to
// WING on its receipt (receiptId). A cancel requested after confirmation (출고중지요청, RU) is approved with
// stoppedShipment {cancelCount}: the box is not shipped and the buyer refunded. A return is approved in Coupang's two
// steps: receiveConfirmation (입고 확인) then approval {cancelCount} (반품 승인: refund). Both answer
// `{code, message, data: {resultCode: SUCCESS|FAIL, resultMessage}}`. A receipt is decided as a whole: its items'
// claims travel together and its cancelCount is their quantities summed. Refusing a claim and exchanges have no
// documented call: those come back unsupported, to be handled in WING.
//
// A refusal is re-read (`returnRequests/{receiptId}`): a receipt Coupang already shows as decided the way we asked
// (an earlier answer lost, or done in WING) counts as done.
import { CLAIM_TYPE_LABELS } from '../../../shared/lifecycle.ts';
import type { Text } from '../../../shared/i18n.ts';
import { MallError } from '../http.ts';
import type { ClaimDecisionTarget, Outcome } from '../types.ts';
import { batchFailure } from './box-results.ts';
import type { CoupangClient } from './client.ts';
import { coupangText } from './coupang.messages.ts';
import { LosslessNumber } from './json.ts';
import { claimActionSchema, returnOneSchema, type ReturnRequest } from './wire.ts';
import { CLAIM_DECISION_LABELS as DECISION_LABELS } from '../../../shared/lifecycle.ts';

type Result = { ok: true } | { ok: false; code: string; message: Text; retryable: boolean };

export async function sendCoupangClaimDecisions(client: CoupangClient, targets: readonly ClaimDecisionTarget[]): Promise<Outcome[]> {
  const results = new Map<string, Result>();
  // One call per receipt and decision: its items' claims together.
  const groups = new Map<string, ClaimDecisionTarget[]>();
  for (const t of targets) {
    const unsupported = t.decision !== 'approve' || t.type === 'exchange';
    if (unsupported) {
      const params = { claim: CLAIM_TYPE_LABELS[t.type], decision: DECISION_LABELS[t.decision] };
      results.set(t.claimId, { ok: false, code: 'UNSUPPORTED_DECISION', message: coupangText('decision_unsupported', params), retryable: false });
    } else if (!t.mallClaimId || !/^\d+$/.test(t.mallClaimId)) {
      results.set(t.claimId, { ok: false, code: 'NO_RECEIPT_ID', message: coupangText('no_receipt_id'), retryable: false });
    } else {
      const key = `${t.mallClaimId}|${t.type}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
  }
  for (const group of groups.values()) {
    const result = await decideReceipt(client, group[0]!.mallClaimId!, group[0]!.type as 'cancel' | 'return', count(group));
    for (const t of group) results.set(t.claimId, result);
  }
  return targets.map((t): Outcome => {
    const r = results.get(t.claimId)!;
    return r.ok ? { ref: t.claimId, ok: true } : { ref: t.claimId, ok: false, code: r.code, message: r.message, retryable: r.retryable };
  });
}

const count = (group: readonly ClaimDecisionTarget[]) => group.reduce((sum, t) => sum + t.quantity, 0);

async function decideReceipt(client: CoupangClient, receiptId: string, type: 'cancel' | 'return', cancelCount: number): Promise<Result> {
  const base = { vendorId: client.vendorId, receiptId: new LosslessNumber(receiptId) };
  let result: Result;
  if (type === 'cancel') {
    result = await act(client, receiptId, 'stoppedShipment', { ...base, cancelCount });
  } else {
    // 입고 확인 first; one already confirmed (in WING, or by an earlier run) is refused, and approval decides.
    const received = await act(client, receiptId, 'receiveConfirmation', base);
    if (!received.ok && received.retryable) return received;
    result = await act(client, receiptId, 'approval', { ...base, cancelCount });
  }
  if (result.ok) return result;
  const now = await reread(client, receiptId);
  return now && decided(now, type) ? { ok: true } : result;
}

/** Whether Coupang shows the receipt completed the way an approval leaves it. */
function decided(receipt: ReturnRequest, type: 'cancel' | 'return'): boolean {
  if (receipt.receiptStatus !== 'RETURNS_COMPLETED') return false;
  return type === 'cancel' ? receipt.receiptType === 'CANCEL' : receipt.receiptType !== 'CANCEL';
}

async function act(client: CoupangClient, receiptId: string, step: string, body: Record<string, unknown>): Promise<Result> {
  try {
    const res = await client.send(claimActionSchema, 'PATCH', client.vendorPath('v4', `returnRequests/${receiptId}/${step}`), body);
    const code = (res.data?.resultCode ?? 'SUCCESS').toUpperCase();
    if (code === 'SUCCESS') return { ok: true };
    const said = res.data?.resultMessage || res.message || code;
    return { ok: false, code: `${step.toUpperCase()}_FAIL`, message: coupangText('claim_refused', { message: said }), retryable: false };
  } catch (error) {
    return batchFailure(error);
  }
}

async function reread(client: CoupangClient, receiptId: string): Promise<ReturnRequest | null> {
  try {
    const res = await client.get(returnOneSchema, client.vendorPath('v6', `returnRequests/${receiptId}`));
    return Array.isArray(res.data) ? (res.data[0] ?? null) : res.data;
  } catch (error) {
    if (error instanceof MallError && error.kind !== 'auth') return null;
    throw error;
  }
}
