import type { Messages } from '../../shared/i18n.ts';

export const filesMessages = {
  password_empty: { ko: '{field}: 파일 비밀번호를 입력하세요', en: '{field}: enter a password for the file' },
  password_too_long: {
    ko: '{field}: 파일 비밀번호는 {max}자 이하여야 합니다',
    en: '{field}: the file password may have at most {max} characters',
  },
  csv_cannot_encrypt: {
    ko: '{field}: CSV 파일은 암호를 걸 수 없습니다. 비밀번호를 쓰려면 XLSX로 내려받으세요',
    en: '{field}: a CSV file cannot be encrypted; choose XLSX to use a password',
  },
  too_large_to_encrypt: {
    ko: '암호를 거는 파일은 {max}행까지 만들 수 있습니다 ({rows}행). 조건을 좁혀 나눠 내려받으세요',
    en: 'an encrypted file can hold at most {max} rows ({rows} asked); narrow the filter and download in parts',
  },
} satisfies Messages;
