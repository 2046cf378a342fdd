// The 송장 tab's tracking number bands (송장 대역) and numbering from them (자동 채번), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const bandMessages = {
  band_label: { ko: '송장 대역', en: 'Number bands' },
  band_left: { ko: '{courier} 남은 번호 {count}개', en: '{courier}: {count} numbers left' },
  band_none: { ko: '{courier} 대역 없음', en: 'No {courier} band' },
  band_used_up: { ko: '{courier} 남은 번호 없음 (다 쓰였거나 사용 안 함)', en: '{courier}: no numbers left (used up or off)' },
  band_loading: { ko: '불러오는 중…', en: 'Loading…' },
  band_issue: { ko: '선택한 행에 대역 번호 넣기', en: 'Number selected rows from the band' },
  band_issuing: { ko: '대역에서 번호를 받는 중…', en: 'Numbering from the band…' },
  band_issued: {
    ko: '{issued}개 번호를 넣었습니다 ({first} ~ {last}). 반영 {applied}, 거부 {refused}. 남은 번호 {remaining}개.',
    en: '{issued} numbers given ({first} to {last}). Applied {applied}, refused {refused}. {remaining} left.',
  },
  band_issued_none: {
    ko: '번호를 넣은 행이 없습니다. 거부 {refused}행 — 처리결과 열을 보세요.',
    en: 'No row was numbered. {refused} refused — see the result column.',
  },
  band_issuing_count: { ko: '번호를 넣는 중… {done}/{total}행', en: 'Numbering… {done}/{total} rows' },
  band_print: { ko: '선택한 행 송장 출력', en: 'Print labels of selected rows' },
  band_printing: { ko: '송장 파일을 만드는 중…', en: 'Making the label file…' },
  band_printed: {
    ko: '{file}을(를) 받았습니다. 열어서 100×150mm 라벨 용지로 인쇄하세요.',
    en: 'Downloaded {file}. Open it and print on 100×150 mm labels.',
  },
  band_manage: { ko: '대역 관리', en: 'Manage bands' },
  band_close: { ko: '닫기', en: 'Close' },
  band_first: { ko: '시작 번호', en: 'First number' },
  band_last: { ko: '끝 번호', en: 'Last number' },
  band_add: { ko: '대역 등록', en: 'Register band' },
  band_added: { ko: '{courier} 대역을 등록했습니다 ({count}개).', en: 'Registered a {courier} band ({count} numbers).' },
  band_row: { ko: '{first} ~ {last} · 남은 {remaining}개', en: '{first} to {last} · {remaining} left' },
  band_mod7: { ko: ' · 검증숫자(mod 7)', en: ' · mod-7 check digit' },
  band_inactive: { ko: ' · 사용 안 함', en: ' · not in use' },
  band_on: { ko: '사용', en: 'Use' },
  band_off: { ko: '사용 안 함', en: 'Stop using' },
  band_switched_on: { ko: '대역을 다시 사용합니다.', en: 'The band is in use again.' },
  band_switched_off: { ko: '대역을 더 이상 쓰지 않습니다.', en: 'The band is no longer used.' },
  band_admin_only: { ko: '대역 등록과 변경은 관리자만 할 수 있습니다.', en: 'Only an admin can register or change bands.' },
  band_help: {
    ko: '택배사와 계약해 받은 운송장번호 대역을 등록하면, 선택한 행의 박스(합포는 한 박스, 박스가 없으면 주문별)에 다음 번호를 넣습니다. 거부된 행은 번호를 쓰지 않습니다.',
    en: 'Register the band your courier contract gave you; selected rows then get its next numbers, one per box (a merged box shares one; rows without a box, one per order). Refused rows use no number.',
  },
} satisfies Messages;
