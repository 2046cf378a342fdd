// The texts of per-account automation (issue 13 §6), Korean first: the switches in the accounts tab and the short
// line in the orders and invoices tabs that says which automatic steps are on.
import type { Messages } from '../../../../shared/i18n.ts';

export const automationMessages = {
  services_title: { ko: '연동 기능', en: 'Mall services' },
  active: { ko: '계정 사용', en: 'Account in use' },
  badge_inactive: { ko: '사용 안 함', en: 'Not in use' },
  inactive_note: {
    ko: '사용하지 않는 계정: 수집·전송·동기화가 예약으로도 수동으로도 실행되지 않습니다. 주문과 이력은 남아 있습니다.',
    en: 'Account not in use: nothing is collected, sent or synced, on the schedule or by hand. Its orders and history stay.',
  },
  collect_enabled: { ko: '주문 수집', en: 'Collect orders' },
  confirm_enabled: { ko: '발주확인 전송', en: 'Confirm at the mall' },
  send_invoice_enabled: { ko: '송장 전송', en: 'Send tracking numbers' },
  sync_enabled: { ko: '주문동기화 (취소·반품·교환·배송)', en: 'Sync (cancels, returns, exchanges, delivery)' },
  auto_title: { ko: '자동 처리', en: 'Automatic steps' },
  auto_confirm: { ko: '수집 시 발주확인', en: 'Confirm at the mall on collect' },
  auto_release: { ko: '발주확인 시 출고지시', en: 'Release on confirm' },
  auto_ship: { ko: '송장 입력 시 출고', en: 'Ship once numbered' },
  auto_send: { ko: '출고 시 송장전송', en: 'Send once shipped' },
  default_courier: { ko: '기본 택배사', en: 'Default courier' },
  no_courier: { ko: '없음', en: 'None' },
  saved: { ko: '{name}: 저장했습니다', en: '{name}: saved' },
  admin_only: { ko: '연동 기능과 자동 처리 설정은 관리자만 바꿀 수 있습니다.', en: 'Only admins change mall services and automatic steps.' },
  line_none: { ko: '자동 처리: 없음 (계정 탭에서 켤 수 있습니다)', en: 'Automatic steps: none (switch them on in the accounts tab)' },
  line_some: { ko: '자동 처리 — {list}', en: 'Automatic steps — {list}' },
  auto_sending: { ko: '자동 송장전송 중… {done}/{total}', en: 'Sending automatically… {done}/{total}' },
  auto_sent: { ko: '자동 전송 성공 {ok}, 실패 {failed}.', en: 'Sent automatically: {ok}, failed {failed}.' },
  auto_deciding: { ko: '쇼핑몰에 클레임 처리 전송 중… {done}/{total}', en: 'Sending claim decisions to the malls… {done}/{total}' },
  auto_decided: { ko: '쇼핑몰에 클레임 처리 전송 성공 {ok}, 실패 {failed}.', en: 'Claim decisions sent to the malls: {ok}, failed {failed}.' },
  auto_decided_failed: {
    ko: '쇼핑몰에 클레임 처리 전송 성공 {ok}, 실패 {failed}. 끝나지 못한 작업이 있습니다: 작업 탭에서 사유를 확인하세요.',
    en: 'Claim decisions sent to the malls: {ok}, failed {failed}. A job did not finish: see why in the jobs tab.',
  },
} satisfies Messages;
