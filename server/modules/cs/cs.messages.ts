import { defineMessages } from '../../../shared/i18n.ts';

// The CS lists: what an acknowledgement answers per claim.
export const csMessages = defineMessages('cs', {
  not_withdrawn: {
    ko: '확인할 취소철회가 아닙니다 (없거나 이미 확인됨)',
    en: 'not a withdrawn cancel waiting to be acknowledged (unknown, or acknowledged already)',
  },
});
