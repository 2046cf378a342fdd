import { defineMessages } from '../../shared/i18n.ts';

// File-level refusals: reading (readWorkbook) and writing (exports, encryption). Per-cell and per-row texts are in
// shared/files/cell-messages.ts.
export const filesMessages = defineMessages('files', {
  password_empty: { ko: '{field}: 파일 비밀번호를 입력하세요', en: '{field}: enter a password for the file' },
  password_too_long: {
    ko: '{field}: 파일 비밀번호는 {max}자 이하여야 합니다',
    en: '{field}: the file password may have at most {max} characters',
  },
  csv_cannot_encrypt: {
    ko: '{field}: CSV 파일은 암호를 걸 수 없습니다. 비밀번호를 쓰려면 XLSX로 내려받으세요',
    en: '{field}: a CSV file cannot be encrypted; choose XLSX to use a password',
  },
  too_large_for_cp949: {
    ko: 'CP949 파일은 {max}행까지 만들 수 있습니다 ({rows}행). 조건을 좁혀 나눠 내려받거나 UTF-8로 내려받으세요',
    en: 'a CP949 file can hold at most {max} rows ({rows} asked); narrow the filter and download in parts, or use UTF-8',
  },
  too_large_to_encrypt: {
    ko: '암호를 거는 파일은 {max}행까지 만들 수 있습니다 ({rows}행). 조건을 좁혀 나눠 내려받으세요',
    en: 'an encrypted file can hold at most {max} rows ({rows} asked); narrow the filter and download in parts',
  },
  password_required: {
    ko: '암호가 걸린 파일입니다. 파일을 열 암호를 입력하세요',
    en: 'The file is password-protected. Enter the password that opens it',
  },
  wrong_password: {
    ko: '암호가 맞지 않아 파일을 열 수 없습니다. 암호를 확인하고 다시 입력하세요',
    en: 'The password is wrong, so the file cannot be opened. Check it and enter it again',
  },
  unsupported_encryption: {
    ko: '이 암호화 방식은 열 수 없습니다. Excel에서 암호를 풀고 .xlsx로 저장한 뒤 올리세요',
    en: 'This kind of encryption cannot be opened. Remove the password in Excel, save as .xlsx and upload again',
  },
  old_xls_format: {
    ko: 'Excel 97-2003 형식(.xls) 파일은 읽을 수 없습니다. Excel에서 .xlsx(통합 문서)로 저장한 뒤 올리세요',
    en: 'Excel 97-2003 (.xls) files cannot be read. Save the file as .xlsx (Excel Workbook) in Excel and upload again',
  },
  unreadable_file: {
    ko: '파일을 읽을 수 없습니다. XLSX 또는 CSV 파일인지, 손상되지 않았는지 확인하세요',
    en: 'The file cannot be read. Check that it is an XLSX or CSV file and not damaged',
  },
  sheet_not_found: {
    ko: '파일에 "{sheet}" 시트가 없습니다',
    en: 'The file has no sheet "{sheet}"',
  },
  empty_file: { ko: '빈 파일입니다', en: 'The file is empty' },
  file_too_large: {
    ko: '파일이 너무 큽니다 ({size}). 최대 {max}까지 읽을 수 있으니 파일을 나눠 올리세요',
    en: 'The file is too large ({size}); at most {max} is read, so split the file',
  },
  too_many_rows: {
    ko: '시트 "{sheet}"에 {actual}행이 있습니다. 한 번에 데이터 {max}행까지 읽을 수 있으니 파일을 나눠 올리세요',
    en: 'Sheet "{sheet}" has {actual} rows; at most {max} data rows are read at once, so split the file',
  },
});

export type FileErrorCode = keyof typeof filesMessages;
