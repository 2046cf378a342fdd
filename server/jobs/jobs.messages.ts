import { defineMessages, message, storedText, type CatalogEntry, type Text } from '../../shared/i18n.ts';
import { STATUS_LABELS, type Status } from '../../shared/lifecycle.ts';
import { MALL_NAMES, type MallType } from '../../shared/malls.ts';

export const jobsMessages = defineMessages('jobs', {
  account_not_found: { ko: '쇼핑몰 계정을 찾을 수 없습니다: {id}', en: 'No such mall account: {id}' },
  account_inactive: { ko: '{name}: 사용하지 않는 계정입니다', en: '{name}: the account is switched off' },
  service_off: { ko: '{name}: {service} 서비스가 꺼져 있습니다', en: '{name}: the {service} service is switched off' },
  // Claim decisions have no switch of their own: they go with 주문동기화 (job-runner.ts SERVICE), the one to turn on.
  decisions_sync_off: {
    ko: '{name}: 클레임 처리 결과는 주문동기화 서비스로 쇼핑몰에 전송되는데, 주문동기화가 꺼져 있습니다. 계정 탭의 연동 기능에서 주문동기화를 켜세요 (처리 결과는 전송 대기로 남아 있습니다)',
    en: '{name}: claim decisions go to the mall with the Sync service, which is switched off. Switch Sync on under Mall services in the accounts tab (the decisions wait to be sent)',
  },
  already_running: { ko: '{name}: 같은 작업이 이미 진행 중입니다 ({job})', en: '{name}: the same job is already running ({job})' },
  no_credentials: { ko: '{name}: 인증 정보가 없습니다', en: '{name}: no credentials stored' },
  // A failure the connector could only put in the transport's words (`detail`: "HTTP 503", "no answer within 20000 ms").
  auth_failed: {
    ko: '{mall} 인증에 실패했습니다. API 키를 확인하세요 ({detail})',
    en: '{mall} refused the credentials; check the API keys ({detail})',
  },
  mall_unreadable: { ko: '{mall}의 응답을 읽을 수 없습니다 ({detail})', en: 'Could not read the answer of {mall} ({detail})' },
  mall_unavailable: { ko: '{mall} 응답이 없거나 오류가 계속됩니다 ({detail})', en: '{mall} did not answer or kept failing ({detail})' },
  rate_limited: {
    ko: '{mall} 호출 한도를 넘었습니다. 잠시 후 다시 실행하세요 ({detail})',
    en: '{mall} rate limit was reached; run again later ({detail})',
  },
  unexpected: { ko: '작업 중 예상하지 못한 오류가 발생했습니다 (작업 {job})', en: 'Unexpected error during the job ({job})' },
  recipients_unread: {
    ko: '배송지 변경을 확인하지 못했습니다 ({detail}). 취소·반품 등 상태는 반영했고, 배송지 변경은 다음 동기화에서 다시 확인합니다',
    en: 'Could not read address changes ({detail}). Statuses and claims were applied; address changes are read again by the next sync',
  },
  canceled: { ko: '작업이 취소되었습니다', en: 'The job was canceled' },
  all_failed: { ko: '{n}건이 모두 실패했습니다. 작업 결과에서 사유를 확인하세요', en: 'All {n} items failed; see the job results for the reasons' },
  server_stopped: { ko: '서버가 멈춰 작업이 끝나지 못했습니다', en: 'The server stopped before the job finished' },
  period_too_long: { ko: '{field}: 기간은 최대 {max}일입니다', en: '{field}: the period is at most {max} days' },
  period_order: { ko: '{field}: 시작일이 종료일보다 늦습니다', en: '{field}: the start is after the end' },
  period_pair: { ko: '{field}: 기간은 from과 to를 함께 입력하세요', en: '{field}: give from and to together' },
  period_future: { ko: '{field}: 종료 시각이 지금보다 늦습니다', en: '{field}: the end is in the future' },
  period_not_for_type: { ko: '{field}: 기간은 주문수집과 주문동기화에만 씁니다', en: '{field}: a period applies to collect and sync only' },
  accounts_required: {
    ko: '{field}: 쇼핑몰 계정을 고르세요 (발주확인할 상품주문 line_ids를 주면 생략할 수 있습니다)',
    en: '{field}: choose mall accounts (may be left out for a confirm of given line_ids)',
  },
  job_not_found: { ko: '작업을 찾을 수 없습니다: {id}', en: 'No such job: {id}' },
  already_collected: { ko: '이미 수집된 주문입니다', en: 'Already collected' },
  collected: { ko: '수집했습니다', en: 'Collected' },
  write_failed: {
    ko: '이 주문을 저장하지 못했습니다. 관리자에게 로그를 확인해 달라고 하세요',
    en: 'This order could not be stored; ask an administrator to check the log',
  },
  not_collected: { ko: '수집되지 않은 주문입니다', en: 'Not a collected order' },
  no_change: { ko: '변경 없음', en: 'No change' },
  dismissed: { ko: '운영자가 넘긴 쇼핑몰 변경입니다', en: 'A mall change an operator dismissed' },
  refused_here: {
    ko: '여기서 거부(철회)한 클레임을 {mall}에서는 아직 요청 중으로 보여 다시 입력하지 않았습니다. {center}에서 거부 처리해 주세요',
    en: 'The claim refused (withdrawn) here still shows as requested at {mall}; it was not entered again. Refuse it in {center}',
  },
  own_claim: {
    ko: '쇼핑몰에는 없는, 여기서 입력한 클레임이라 그대로 둡니다',
    en: 'A claim entered here, which the mall never had: left as it is',
  },
  confirm_first: {
    ko: '쇼핑몰에서 발주확인되지 않은 주문이라 송장을 보내지 않았습니다 ({detail}). 주문 탭에서 발주확인을 먼저 한 뒤 다시 전송하세요',
    en: 'Not sent: the order is not confirmed at the mall ({detail}). Run 발주확인 (confirm) in the orders tab first, then send again',
  },
  number_changed: {
    ko: '보내는 사이에 송장번호가 {current}(으)로 바뀌어 쇼핑몰에는 이전 번호 {sent}이(가) 있습니다. 송장전송을 다시 하면 새 번호로 바꿉니다',
    en: 'The number changed to {current} while {sent} was being sent, so the mall has {sent}. Send again to change it there',
  },
  box_changed: {
    ko: '작업이 시작된 뒤 상자가 바뀌어(출고 취소, 클레임 등) 보내지 않았습니다',
    en: 'Not sent: the box changed after the job started (no longer shipped)',
  },
  claim_changed: {
    ko: '작업이 시작된 뒤 클레임이 바뀌어(주문복원, 다시 처리 등) 쇼핑몰에 보내지 않았습니다',
    en: 'Not sent: the claim changed after the job started (restored, or decided again)',
  },
  box_items: { ko: '{name} 외 {more}건', en: '{name} and {more} more' },
  mismatch: {
    ko: '쇼핑몰 상태({mall})를 반영할 수 없습니다: {detail}',
    en: 'The mall status ({mall}) could not be applied: {detail}',
  },
  // History reasons (status_history.reason), stored as Messages: these codes are kept in rows, never rename them.
  collect_reason: { ko: '{mall} 수집: {status} ({mall_status})', en: 'Collected from {mall}: {status} ({mall_status})' },
  sync_reason: { ko: '{mall} 동기화: {status} ({mall_status})', en: 'Synced from {mall}: {status} ({mall_status})' },
});

/**
 * The history reason of a line a job brought in or moved as the mall says (collect_reason, sync_reason), stored so
 * each reader gets it in their language: the mall by name, our status by its label, the mall's own code as it sent it
 * (for whoever checks it in the seller center).
 */
export function mallReason(entry: CatalogEntry, mallType: string, status: string, mallStatus: string): string {
  const mall = MALL_NAMES[mallType as MallType] ?? mallType;
  return storedText(message(entry, { mall, status: STATUS_LABELS[status as Status] ?? status, mall_status: mallStatus }));
}

/** A job result's item_name for `count` products of which `first` is the first: the name alone, or "{name} 외 {n}건". */
export function itemsName(first: string | null | undefined, count: number): Text | null {
  return first && count > 1 ? message(jobsMessages.box_items, { name: first, more: count - 1 }) : (first ?? null);
}
