// The reason fields' texts, Korean first (the reason labels themselves are shared/export-reasons.ts).
import type { Messages } from '../../../../shared/i18n.ts';

export const reasonMessages = {
  reason: { ko: '사유', en: 'Reason' },
  reason_choose: { ko: '사유를 고르세요', en: 'Choose a reason' },
  reason_text: { ko: '사유 내용', en: 'Reason in words' },
  reason_text_other: { ko: '사유 내용 (기타는 필수)', en: 'Reason in words (required for Other)' },
  reason_missing: { ko: '사유를 고르세요.', en: 'Choose a reason.' },
  reason_text_missing: { ko: '기타 사유를 적어 주세요.', en: 'Say what the other reason is.' },
  reason_text_long: { ko: '사유는 200자까지 적을 수 있습니다.', en: 'A reason can be up to 200 characters.' },
  pull_reason_ask: {
    ko: '수취인 정보를 시트로 불러오는 사유를 고르세요. 로그인해 있는 동안 기억합니다.',
    en: 'Why are recipients pulled into the sheet? Remembered while you stay signed in.',
  },
  pull_reason_confirm: { ko: '확인하고 불러오기', en: 'Confirm and pull' },
  pull_reason_now: { ko: '불러오기 사유: {reason}', en: 'Pull reason: {reason}' },
  reason_change: { ko: '사유 바꾸기', en: 'Change reason' },
} satisfies Messages;
