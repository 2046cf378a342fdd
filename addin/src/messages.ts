// The pane's own texts, Korean first.
import type { Messages } from '../../shared/i18n.ts';

export const paneMessages = {
  title: { ko: '쉽시트 출고관리', en: 'ShipSheet shipping desk' },
  username: { ko: '아이디', en: 'Username' },
  password: { ko: '비밀번호', en: 'Password' },
  sign_in: { ko: '로그인', en: 'Sign in' },
  sign_out: { ko: '로그아웃', en: 'Sign out' },
  signing_in: { ko: '로그인 중…', en: 'Signing in…' },
  new_password: { ko: '새 비밀번호 (10자 이상)', en: 'New password (10+ characters)' },
  change_password: { ko: '비밀번호 변경', en: 'Change password' },
  change_password_first: {
    ko: '임시 비밀번호로 로그인했습니다. 사용할 새 비밀번호를 정하세요.',
    en: 'You signed in with a one-time password. Choose your own password.',
  },
  signed_in_as: { ko: '{name} ({role})', en: '{name} ({role})' },
  accounts: { ko: '쇼핑몰 계정', en: 'Mall accounts' },
  no_accounts: { ko: '연결된 쇼핑몰 계정이 없습니다', en: 'No mall accounts connected' },
  status_normal: { ko: '정상', en: 'Normal' },
  status_error: { ko: '오류', en: 'Error' },
  last_collected: { ko: '마지막 수집 {at}', en: 'Last collected {at}' },
  never_collected: { ko: '아직 수집하지 않음', en: 'Not collected yet' },
  language: { ko: 'English', en: '한국어' },
} satisfies Messages;
