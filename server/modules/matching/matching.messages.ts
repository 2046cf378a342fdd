import { defineMessages } from '../../../shared/i18n.ts';

export const matchingMessages = defineMessages('matching', {
  unknown_sku: { ko: '없는 상품코드입니다: {codes}', en: 'no SKU with code: {codes}' },
  unknown_channel: {
    ko: '알 수 없는 판매처입니다: {channel} (쇼핑몰 계정 키 또는 direct:, store_release:, named: 뒤에 이름)',
    en: 'unknown channel: {channel} (a mall account key, or direct:, store_release: or named: and a name)',
  },
  duplicate_sku: { ko: '같은 상품코드가 두 번 있습니다: {code}', en: 'the same SKU code twice: {code}' },
  stale_version: {
    ko: '불러온 뒤 다른 곳에서 매칭이 바뀌었습니다 (버전 {seen} → {current}). 다시 불러오세요',
    en: 'the match changed since you loaded it (version {seen} → {current}). Load it again',
  },
  already_matched: {
    ko: '이미 다른 곳에서 {summary}(으)로 매칭되었습니다. 바꾸려면 다시 불러온 뒤 저장하세요',
    en: 'already matched to {summary} elsewhere. Load again to replace it',
  },
  duplicate_row: { ko: '같은 상품·옵션이 요청에 두 번 있습니다', en: 'the same product and option appears twice in the request' },
  match_not_found: { ko: '매칭을 찾을 수 없습니다: {id}', en: 'no such match: {id}' },
  saved: { ko: '매칭 저장: {summary}, 대기 주문상품 {lines}건 매칭', en: 'matched to {summary}; waiting lines matched: {lines}' },
  unchanged: { ko: '이미 {summary}(으)로 매칭되어 있습니다 (바뀐 것 없음)', en: 'already matched to {summary} (nothing changed)' },
});
