// The schemas' own refusal texts (a `.regex(…, text)` or `{ message }` in shared/api) are written once, in English;
// zod renders its built-in problems in the caller's language but passes these through as they are, so a Korean
// pane said "username: letters, digits, . _ - only". Their Korean, keyed by the English text; the server's
// validation (server/domain/validation.ts) reads both, and a unit test holds every such text in shared/api to this list.
import type { MessageText } from '../i18n.ts';

export const SCHEMA_TEXTS: Readonly<Record<string, MessageText>> = {
  'letters, digits, . _ - only': { ko: '영문, 숫자와 . _ - 만 쓸 수 있습니다', en: 'letters, digits, . _ - only' },
  '5 digits (e.g. 06236)': { ko: '숫자 5자리로 적으세요 (예: 06236)', en: '5 digits (e.g. 06236)' },
  'YYYY-MM-DD': { ko: '날짜는 YYYY-MM-DD 형식으로 적으세요', en: 'YYYY-MM-DD' },
  'expected a date as YYYY-MM-DD': { ko: '날짜는 YYYY-MM-DD 형식으로 적으세요', en: 'expected a date as YYYY-MM-DD' },
  'expected a date from 1970-01-01 to 9998-12-31': {
    ko: '1970-01-01부터 9998-12-31 사이의 날짜를 적으세요',
    en: 'expected a date from 1970-01-01 to 9998-12-31',
  },
  'expected a time from 1970 to 9998': { ko: '1970년부터 9998년 사이의 시각을 적으세요', en: 'expected a time from 1970 to 9998' },
  'a-z, 0-9, _ or -, up to 40 (e.g. orders)': {
    ko: '영문 소문자로 시작하는 a-z, 0-9, _, - 40자 이내 (예: orders)',
    en: 'a-z, 0-9, _ or -, up to 40 (e.g. orders)',
  },
  'each column once': { ko: '같은 열을 두 번 넣을 수 없습니다', en: 'each column once' },
  'each field may have one column': { ko: '항목마다 열은 하나만 고를 수 있습니다', en: 'each field may have one column' },
  'https is required except for localhost': {
    ko: 'localhost가 아니면 https 주소여야 합니다',
    en: 'https is required except for localhost',
  },
  'name at least one flag': { ko: '바꿀 표시를 하나 이상 고르세요', en: 'name at least one flag' },
  'a line key (lin_…)': { ko: '상품주문키(lin_…)를 적으세요: 번호는 주문이 아니라 박스에 붙습니다', en: 'a line key (lin_…)' },
  'not 0': { ko: '0은 안 됩니다', en: 'not 0' },
  'required when personal data fields are pulled (names, phones, address)': {
    ko: '개인정보 열(이름, 연락처, 주소)을 불러올 때는 사유가 필요합니다',
    en: 'required when personal data fields are pulled (names, phones, address)',
  },
  'send the tracking number with the courier (empty to clear it)': {
    ko: '운송장번호는 택배사와 함께 보내세요 (지우려면 비워서)',
    en: 'send the tracking number with the courier (empty to clear it)',
  },
};
