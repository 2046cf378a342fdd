import { defineMessages } from '../../../shared/i18n.ts';

// Refusals of an export before any record is written or byte sent.
export const exportsMessages = defineMessages('exports', {
  nothing_to_label: {
    ko: '출력할 송장이 없습니다: 고른 행(또는 운송장출력 상태)에 운송장번호가 있는 박스가 없습니다',
    en: 'no labels to print: none of the boxes chosen (or in 운송장출력) has a tracking number',
  },
  labels_need_sender: {
    ko: '송장에는 보내는 분이 찍힙니다: 출력하기 전에 파일 탭의 "보내는 분 설정"에서 보내는 분을 저장하세요',
    en: 'A waybill names its sender: save the sender under "Sender settings" in the Files tab before printing',
  },
  too_many_labels: {
    ko: '송장 {count}장은 한 번에 출력하기에 너무 많습니다 (최대 {max}장). 행을 나눠 골라 출력하세요',
    en: '{count} labels are too many for one file (at most {max}); choose fewer rows at a time',
  },
  nothing_to_book: {
    ko: '택배 예약 파일에 넣을 박스가 없습니다 (출고대기·운송장출력 주문이 없거나 고른 박스가 없습니다)',
    en: 'There are no boxes to book (no orders waiting to ship, or none of the chosen boxes)',
  },
});
