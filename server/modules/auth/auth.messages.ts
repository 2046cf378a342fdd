import type { Messages } from '../../../shared/i18n.ts';

export const authMessages = {
  bad_credentials: { ko: '아이디 또는 비밀번호가 맞지 않습니다', en: 'Wrong username or password' },
  too_many_failures: {
    ko: '로그인 실패가 너무 많습니다. {seconds}초 후에 다시 시도하세요',
    en: 'Too many failed sign-ins. Try again in {seconds} seconds',
  },
  unauthorized: { ko: '로그인이 필요합니다. 토큰이 없거나 만료되었습니다', en: 'Sign in first: the token is missing, invalid or expired' },
  too_many_password_failures: {
    ko: '현재 비밀번호를 너무 많이 틀렸습니다. {seconds}초 후에 다시 시도하세요',
    en: 'Too many wrong current passwords. Try again in {seconds} seconds',
  },
  bad_current_password: { ko: '현재 비밀번호가 맞지 않습니다', en: 'The current password is wrong' },
  same_password: { ko: '새 비밀번호가 지금 비밀번호와 같습니다', en: 'The new password is the same as the current one' },
  username_taken: { ko: '이미 있는 아이디입니다: {username}', en: 'Username already taken: {username}' },
  last_admin: {
    ko: '{username}은(는) 마지막 활성 관리자입니다. 다른 관리자를 먼저 만들어야 역할을 바꾸거나 비활성화할 수 있습니다',
    en: '{username} is the last active admin: make another admin first, then change this role or deactivate this user',
  },
  user_not_found: { ko: '사용자를 찾을 수 없습니다: {id}', en: 'No such user: {id}' },
  token_not_found: { ko: 'API 토큰을 찾을 수 없습니다: {id}', en: 'No such API token: {id}' },
} satisfies Messages;
