// The CS tab's texts (회수지연 / 클레임대기 / 취소철회), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const csPaneMessages = {
  cs_help: {
    ko: '목록을 시트로 불러온 뒤, 처리할 행을 선택하고 아래 버튼을 누르세요. 결과는 행 옆에 적힙니다.',
    en: 'Pull a list into a sheet, select the rows to act on, then press a button below. Results are written beside the rows.',
  },
  cs_pull_delayed: { ko: '회수지연 불러오기', en: 'Pull delayed returns' },
  cs_pull_claims: { ko: '클레임대기 불러오기', en: 'Pull waiting claims' },
  cs_pull_withdrawn: { ko: '취소철회 불러오기', en: 'Pull withdrawn cancels' },
  cs_pull_returns: { ko: '반품입고 불러오기', en: 'Pull returns to receive' },
  cs_receive_sellable: { ko: '정상 입고', en: 'Receive sellable' },
  cs_receive_defective: { ko: '불량 입고', en: 'Receive defective' },
  cs_warehouse: { ko: '입고 창고 (코드)', en: 'Receiving warehouse (code)' },
  cs_warehouse_placeholder: { ko: '비우면 기본 창고', en: 'Empty: the default warehouse' },
  cs_receive_help: {
    ko: '정상 입고는 창고 재고에 더하고, 불량 입고는 기록만 합니다. 처리 사유는 입고 메모로 남습니다.',
    en: 'Sellable goods go back into the warehouse stock; defective ones are only recorded. The reason is kept as the receipt note.',
  },
  cs_pulled: { ko: '"{sheet}" 시트에 {count}건을 불러왔습니다.', en: '{count} rows pulled into "{sheet}".' },
  cs_pulled_delayed: {
    ko: '"{sheet}" 시트에 {count}건 (요청 후 {days}일 초과, 이번에 {flagged}건 새로 표시).',
    en: '{count} rows in "{sheet}" (over {days} days; {flagged} newly flagged).',
  },
  cs_reason: { ko: '처리 사유', en: 'Reason for the action' },
  cs_reason_placeholder: { ko: '예: 고객 연락 대기', en: 'e.g. waiting for the buyer' },
  cs_reason_required: { ko: '보류 사유를 입력하세요.', en: 'Enter a reason for the hold.' },
  cs_hold: { ko: '보류', en: 'Hold' },
  cs_complete: { ko: '클레임 완료', en: 'Complete claim' },
  cs_ack: { ko: '확인', en: 'Acknowledge' },
  cs_no_sheet: { ko: '먼저 목록을 불러오세요.', en: 'Pull a list first.' },
  cs_no_rows: { ko: '"{sheet}" 시트에서 처리할 행을 선택하세요.', en: 'Select the rows to act on in "{sheet}".' },
  cs_done: { ko: '{applied}건 처리, {refused}건 처리 안 됨', en: '{applied} done, {refused} not done' },
  cs_sold_out: { ko: '품절 주문은 품절 탭에서 봅니다', en: 'Sold-out lines are in the Sold out tab' },
  cs_open_sold_out: { ko: '품절 탭 열기', en: 'Open Sold out' },
  cs_applied: { ko: '완료', en: 'Done' },
  cs_refused: { ko: '오류', en: 'Error' },
  cs_viewer: { ko: '처리는 운영자와 관리자만 할 수 있습니다.', en: 'Only operators and admins can act on the lists.' },
} satisfies Messages;
