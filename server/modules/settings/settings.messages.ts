import { defineMessages } from '../../../shared/i18n.ts';

// The shop's settings: refusals of a setting, and of work that needs one.
export const settingsMessages = defineMessages('settings', {
  invalid_phone: {
    ko: '{field}: 올바른 전화번호가 아닙니다 (예: 02-1234-5678, 010-1234-5678)',
    en: '{field}: not a Korean phone number (e.g. 02-1234-5678, 010-1234-5678)',
  },
  sender_not_set: {
    ko: '보내는 분이 설정되지 않았습니다. 택배 예약 파일을 만들기 전에 파일 탭의 "보내는 분 설정"에서 먼저 설정하세요 (관리자)',
    en: 'No sender is set. Set the sender first ("보내는 분 설정" in the Files tab, an admin) before making a booking file',
  },
});
