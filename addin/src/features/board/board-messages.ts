// The status board's and the claim notices' words.
import type { Messages } from '../../../../shared/i18n.ts';

export const boardMessages = {
  title: { ko: '현황', en: 'Status' },
  refresh: { ko: '새로고침', en: 'Refresh' },
  collect_now: { ko: '지금 수집', en: 'Collect now' },
  collecting: { ko: '쇼핑몰에서 주문을 수집하는 중…', en: 'Collecting orders from the malls…' },
  // ok counts the orders a collect brought in: those it had already are not counted (nor "done").
  collected: {
    ko: '수집 끝: 계정 {accounts}개, 새 주문 {ok}건, 실패 {failed}건. 숫자를 눌러 주문줄을 불러오세요.',
    en: 'Collected from accounts: {accounts}; new orders: {ok}, failed: {failed}. Click a count to pull its lines.',
  },
  collected_none: {
    ko: '수집 끝: 계정 {accounts}개, 새 주문이 없습니다.',
    en: 'Collected from accounts: {accounts}; no new orders.',
  },
  collect_failed: { ko: '{account} 수집 실패: {error}', en: '{account} not collected: {error}' },
  no_collect_accounts: { ko: '수집이 켜진 쇼핑몰 계정이 없습니다.', en: 'No mall account has collecting switched on.' },
  pull_hint: { ko: '숫자를 누르면 그 주문줄을 주문 시트로 불러옵니다.', en: 'Click a count to pull those lines into the order sheet.' },
  count: { ko: '{label} {count}건', en: '{label}: {count}' },
  updated: { ko: '{time} 기준', en: 'As of {time}' },
  never_pulled: { ko: '아직 불러온 적이 없습니다', en: 'You have not pulled yet' },
  last_pull: { ko: '마지막 불러오기 {time}', en: 'Last pull {time}' },
  mismatch_account: {
    ko: '{account}: 불일치 {count}건, 미반영 변경 {pending}건',
    en: '{account}: {count} mismatched, {pending} changes not applied',
  },
  new_claims: { ko: '시트의 주문에 새 클레임: {list}', en: 'New claims on orders in the sheet: {list}' },
  new_claim_item: { ko: '{order} {claim}', en: '{order} {claim}' },
  dismiss: { ko: '닫기', en: 'Dismiss' },
} satisfies Messages;
