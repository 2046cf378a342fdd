// Per-cell and per-row problems found while reading a spreadsheet (normaliseCell, mapRows). Codes and params come
// from shared code; the server answers them as Messages (cellIssueMessage) its HTTP edge renders, the pane renders
// them with `format` in its language. {column} is the
// column's header as it appears in the file, {value} the cell as read.
import { defineMessages, format, message, type Lang, type Message } from '../i18n.ts';

export const cellMessages = defineMessages('file_cells', {
  control_chars: {
    ko: '{column}: 제어 문자(NUL 등)가 들어 있어 읽지 않았습니다',
    en: '{column}: contains control characters (such as NUL), so it was not read',
  },
  lone_surrogate: {
    ko: '{column}: 깨진 문자(짝 없는 UTF-16 서로게이트)가 들어 있어 읽지 않았습니다. 글자를 다시 입력하세요',
    en: '{column}: holds a broken character (an unpaired UTF-16 surrogate), so it was not read; type the text again',
  },
  excel_error: {
    ko: '{column}: 엑셀 오류 값({value})입니다. 수식을 고친 뒤 다시 올리세요',
    en: '{column}: an Excel error value ({value}). Fix the formula and upload again',
  },
  excel_precision_lost: {
    ko: '{column}: Excel이 15자리 넘는 숫자를 이미 바꿨습니다({value}). 열 서식을 텍스트로 바꾸고 원래 번호를 다시 붙여 넣으세요',
    en: '{column}: Excel has already changed this number of more than 15 digits ({value}). Format the column as Text and paste the original numbers again',
  },
  excel_scientific: {
    ko: '{column}: Excel이 번호를 지수 형식({value})으로 바꿔 뒷자리가 사라졌습니다. 열 서식을 텍스트로 바꾸고 원래 번호를 다시 붙여 넣으세요',
    en: '{column}: Excel turned the number into scientific notation ({value}) and its last digits are lost. Format the column as Text and paste the original numbers again',
  },
  invalid_number_text: {
    ko: '{column}: 번호로 읽을 수 없는 값입니다: {value}',
    en: '{column}: this value cannot be read as a number: {value}',
  },
  invalid_phone: {
    ko: '{column}: 전화번호로 읽을 수 없습니다: {value}',
    en: '{column}: not a phone number: {value}',
  },
  invalid_zip: {
    ko: '{column}: 우편번호는 숫자 5자리입니다: {value}',
    en: '{column}: a postal code has 5 digits: {value}',
  },
  zip_zero_lost: {
    ko: '{column}: 우편번호가 4자리입니다: {value}. 엑셀이 맨 앞의 0을 지운 것이라면 0{value}입니다 — 셀 서식을 텍스트로 하고 고쳐 넣으세요',
    en: '{column}: a 4-digit postal code: {value}. If Excel dropped its leading 0 it is 0{value}: format the cell as text and correct it',
  },
  invalid_money: {
    ko: '{column}: 금액으로 읽을 수 없습니다: {value}',
    en: '{column}: not an amount of money: {value}',
  },
  money_not_whole: {
    ko: '{column}: 금액은 원 단위 정수여야 합니다: {value}',
    en: '{column}: amounts are whole won: {value}',
  },
  money_negative: {
    ko: '{column}: 음수 금액은 쓸 수 없습니다: {value}',
    en: '{column}: a negative amount is not allowed here: {value}',
  },
  invalid_quantity: {
    ko: '{column}: 수량으로 읽을 수 없습니다: {value}',
    en: '{column}: not a quantity: {value}',
  },
  quantity_not_positive: {
    ko: '{column}: 수량은 1 이상이어야 합니다: {value}',
    en: '{column}: the quantity must be at least 1: {value}',
  },
  quantity_too_large: {
    ko: '{column}: 수량이 너무 큽니다 (최대 {max}): {value}',
    en: '{column}: the quantity is too large (at most {max}): {value}',
  },
  invalid_date: {
    ko: '{column}: 날짜로 읽을 수 없습니다 (예: 2025-11-30): {value}',
    en: '{column}: not a date (e.g. 2025-11-30): {value}',
  },
  unknown_courier: {
    ko: '{column}: 알 수 없는 택배사입니다: {value}',
    en: '{column}: unknown courier: {value}',
  },
  too_long: {
    ko: '{column}: 너무 깁니다 ({length}자, 최대 {max}자)',
    en: '{column}: too long ({length} characters, at most {max})',
  },
  required: {
    ko: '{column}: 값이 비어 있습니다',
    en: '{column}: the value is missing',
  },
  // File-level outcomes of mapRows (no {column}).
  header_not_found: {
    ko: '위쪽 {rows}행 안에서 머리글 행을 찾지 못했습니다. 템플릿을 고르거나 머리글 행을 확인하세요',
    en: 'No header row found in the first {rows} rows. Choose a template or check the header row',
  },
  missing_columns: {
    ko: '{row}행의 머리글에 필요한 열이 없습니다: {columns}',
    en: 'The header in row {row} lacks required columns: {columns}',
  },
  too_many_rows: {
    ko: '데이터가 {actual}행입니다. 한 번에 {max}행까지 읽을 수 있으니 파일을 나눠 올리세요',
    en: 'The data has {actual} rows; at most {max} rows are read at once, so split the file',
  },
});

export type CellIssueCode = keyof typeof cellMessages;
export type CellIssueParams = Record<string, string | number>;

/** One issue as a Message, for the server's answers (its HTTP edge renders it in the caller's language). */
export function cellIssueMessage(issue: { code: CellIssueCode; params: CellIssueParams }): Message {
  return message(cellMessages[issue.code], issue.params);
}

/** One issue in one language, for the pane's preview column or a result file (`format` with the catalog). */
export function renderCellIssue(issue: { code: CellIssueCode; params: CellIssueParams }, lang: Lang): string {
  return format(cellMessages[issue.code], issue.params, lang);
}
