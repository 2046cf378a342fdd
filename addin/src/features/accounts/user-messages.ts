// The users section's words (admins), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const userMessages = {
  users: { ko: '사용자', en: 'Users' },
  add: { ko: '+ 사용자 추가', en: '+ Add user' },
  username: { ko: '아이디 (영문·숫자 . _ -)', en: 'User name (letters, digits, . _ -)' },
  display_name: { ko: '이름 (선택)', en: 'Name (optional)' },
  role: { ko: '권한', en: 'Role' },
  create: { ko: '만들기', en: 'Create' },
  cancel: { ko: '취소', en: 'Cancel' },
  created: {
    ko: '"{username}"을(를) 만들었습니다. 임시 비밀번호: {password} — 본인에게만 전하세요. 처음 로그인할 때 새 비밀번호로 바꿉니다.',
    en: 'Created "{username}". Temporary password: {password} — give it to them alone; they replace it at the first sign-in.',
  },
  reset: { ko: '비밀번호 초기화', en: 'Reset password' },
  reset_done: {
    ko: '"{username}"의 임시 비밀번호: {password} — 로그인 중인 세션은 끝났고, 처음 로그인할 때 바꿉니다.',
    en: 'Temporary password of "{username}": {password} — their sessions ended; they replace it at the first sign-in.',
  },
  deactivate: { ko: '사용 중지', en: 'Deactivate' },
  activate: { ko: '다시 사용', en: 'Reactivate' },
  inactive: { ko: '중지됨', en: 'Inactive' },
  changed: { ko: '"{username}"을(를) 바꿨습니다.', en: 'Changed "{username}".' },
  need_username: { ko: '아이디를 입력하세요.', en: 'Enter a user name.' },
} satisfies Messages;

export { ROLE_LABELS } from '../../../../shared/roles.ts';
