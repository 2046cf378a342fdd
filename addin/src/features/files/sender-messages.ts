// The sender (보내는 분) line and form of the export section, Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const senderMessages = {
  sender_label: { ko: '보내는 분', en: 'Sender' },
  sender_unset: { ko: '설정되지 않음 — 택배 예약 파일에 필요합니다', en: 'Not set — booking files need it' },
  sender_loading: { ko: '불러오는 중…', en: 'Loading…' },
  sender_edit: { ko: '보내는 분 설정', en: 'Sender settings' },
  sender_close: { ko: '닫기', en: 'Close' },
  sender_name: { ko: '이름 (상호)', en: 'Name (business)' },
  sender_phone: { ko: '전화번호', en: 'Phone' },
  sender_mobile: { ko: '휴대폰 (선택)', en: 'Mobile (optional)' },
  sender_zip: { ko: '우편번호 (5자리)', en: 'Postcode (5 digits)' },
  sender_address1: { ko: '주소', en: 'Address' },
  sender_address2: { ko: '상세주소 (선택)', en: 'Address detail (optional)' },
  sender_save: { ko: '저장', en: 'Save' },
  sender_saving: { ko: '저장하는 중…', en: 'Saving…' },
  sender_saved: { ko: '보내는 분을 저장했습니다.', en: 'Sender saved.' },
  sender_read_only: { ko: '관리자만 바꿀 수 있습니다.', en: 'Only an admin can change it.' },
} satisfies Messages;
export type SenderMessage = keyof typeof senderMessages;
