// The 매출 tab's words, Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const salesPaneMessages = {
  from: { ko: '시작일', en: 'From' },
  to: { ko: '종료일', en: 'To' },
  last_7: { ko: '최근 7일', en: 'Last 7 days' },
  last_30: { ko: '최근 30일', en: 'Last 30 days' },
  this_month: { ko: '이번 달', en: 'This month' },
  refresh: { ko: '매출 시트 만들기 · 새로고침', en: 'Build · refresh the sales sheet' },
  help: {
    ko: '결제일(한국시간) 기준, 판매처별 주문수·상품주문수·금액을 매출 시트에 쓰고 일별 누적 막대와 판매처 비중 차트를 그립니다. 취소·반품 완료된 상품주문은 빠집니다. 다시 누르면 같은 시트와 차트를 새 값으로 고칩니다 (옮기거나 크기를 바꾼 차트는 그대로 둡니다).',
    en: 'Per payment day (KST) and channel: orders, lines and amount go to the 매출 sheet with a stacked column chart per day and a share per channel. Canceled and returned lines are left out. Pressing again refreshes the same sheet and charts in place (charts you moved or resized stay where you put them).',
  },
  reading: { ko: '매출을 읽는 중…', en: 'Reading sales…' },
  writing: { ko: '매출 시트를 쓰는 중…', en: 'Writing the sales sheet…' },
  done: { ko: '매출 시트를 새로 고쳤습니다: {days}일, 판매처 {channels}곳.', en: 'Sales sheet refreshed: {days} days, {channels} channels.' },
  empty: { ko: '이 기간에는 매출이 없습니다. 매출 시트에 그렇게 적었습니다.', en: 'No sales in this period; the sales sheet says so.' },
  bad_date: { ko: '날짜를 YYYY-MM-DD 형식으로 넣어 주세요.', en: 'Enter dates as YYYY-MM-DD.' },
  from_after_to: { ko: '시작일이 종료일보다 늦습니다.', en: 'The start date is after the end date.' },
  too_long: { ko: '기간은 {max}일까지입니다.', en: 'The period can be at most {max} days.' },
} satisfies Messages;
