import { defineMessages } from '../../../shared/i18n.ts';

// A user's own preferences: refusals.
export const preferencesMessages = defineMessages('preferences', {
  users_only: { ko: '사용자 본인만 설정을 가질 수 있습니다', en: 'Only a signed-in user has preferences' },
});
