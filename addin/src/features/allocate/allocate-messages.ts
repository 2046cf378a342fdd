// The 할당 tab's texts (재고할당: preview, apply, undo), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const allocateMessages = {
  help: {
    ko: '출고대기(매칭 완료) 주문에 가용 재고를 할당합니다. 미리보기로 "할당" 시트에 결과를 쓰고, 확인한 뒤 적용하세요.',
    en: 'Assigns available stock to released, matched orders. Preview writes the outcome into the "할당" sheet; apply it once checked.',
  },
  policy: { ko: '할당 방식', en: 'Policy' },
  policy_complete: { ko: '완배송', en: 'Ship complete' },
  policy_complete_help: {
    ko: '주문의 모든 상품이 있을 때만 할당하고, 앞선 주문의 재고는 남겨 둡니다.',
    en: 'Only whole orders get stock; an incomplete order keeps its stock from the orders after it.',
  },
  policy_available: { ko: '선배송', en: 'Ship available first' },
  policy_available_help: {
    ko: '있는 상품부터 할당하고, 나머지는 새 주문으로 나눠 나중에 보냅니다.',
    en: 'Lines in stock ship now; the rest move to a new order that ships later.',
  },
  policy_together: { ko: '일괄배송', en: 'Ship together' },
  policy_together_help: {
    ko: '주문이 모두 갖춰질 때만 할당하되, 재고를 남겨 두지 않아 뒤 주문이 가져갈 수 있습니다.',
    en: 'Whole orders only, but nothing is held back: later complete orders take the stock.',
  },
  order_rule: { ko: '할당 순서 (우선 플래그·채널 우선순위 다음)', en: 'Order (after priority flag and channel priority)' },
  rule_date: { ko: '주문일 (오래된 순)', en: 'Order date (oldest first)' },
  rule_quantity: { ko: '수량 (적은 순)', en: 'Quantity (fewest first)' },
  rule_amount: { ko: '금액 (큰 순)', en: 'Amount (largest first)' },
  preview: { ko: '미리보기', en: 'Preview' },
  apply: { ko: '할당 적용', en: 'Apply allocation' },
  undo: { ko: '마지막 할당 취소', en: 'Undo last allocation' },
  previewing: { ko: '할당 계산 중…', en: 'Computing the allocation…' },
  writing: { ko: '시트에 쓰는 중… {done}/{total}', en: 'Writing the sheet… {done}/{total}' },
  summary: {
    ko: '주문 {orders}건: 완전배송 {full}, 부분배송 {partial}, 미할당 {none} · 상품 {lines}건 중 할당 {lines_allocated}, 분리 {lines_split}, 부족 {lines_short}, 대기 {lines_waiting} · 할당 수량 {units}개',
    en: '{orders} orders: {full} complete, {partial} partial, {none} not served · of {lines} lines {lines_allocated} allocated, {lines_split} split, {lines_short} short, {lines_waiting} waiting · {units} units allocated',
  },
  previewed: { ko: '미리보기를 "할당" 시트에 썼습니다. {summary}', en: 'Preview written to the "할당" sheet. {summary}' },
  nothing: { ko: '할당할 주문이 없습니다.', en: 'No orders to allocate.' },
  no_preview: { ko: '먼저 미리보기를 하세요.', en: 'Preview first.' },
  applied: { ko: '할당을 적용했습니다. {summary}', en: 'Allocation applied. {summary}' },
  summary_gifts: { ko: ' · 사은품 재고 부족 {count}건', en: ' · {count} gifts short' },
  applied_splits: { ko: ' 나눠진 주문 {count}건.', en: ' {count} orders split.' },
  no_applied: { ko: '취소할 할당이 없습니다.', en: 'No applied allocation to undo.' },
  undone: {
    ko: '{at}에 적용한 할당을 취소했습니다: 상품 {lines}건, {units}개를 돌려놓았습니다.',
    en: 'The allocation applied {at} is undone: {lines} lines, {units} units returned.',
  },
  outcome_full: { ko: '완전배송', en: 'Complete' },
  outcome_partial: { ko: '부분배송', en: 'Partial' },
  outcome_none: { ko: '미할당', en: 'Not served' },
  line_allocated: { ko: '할당', en: 'Allocated' },
  line_split: { ko: '분리 (새 주문)', en: 'Split (new order)' },
  line_short: { ko: '재고 부족 (품절)', en: 'Short (sold out)' },
  line_waiting: { ko: '대기 (주문 미완성)', en: 'Waiting (order incomplete)' },
  line_gift_short: { ko: '사은품 재고 부족 (할당 안 됨)', en: 'Gift short (not allocated)' },
} satisfies Messages;
