// The status board's and the claim notices' words.
import type { Messages } from '../../../../shared/i18n.ts';

export const boardMessages = {
  title: { ko: '현황', en: 'Status' },
  refresh: { ko: '새로고침', en: 'Refresh' },
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
