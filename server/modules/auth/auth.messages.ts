import { defineMessages } from '../../../shared/i18n.ts';

export const authMessages = defineMessages('auth', {
  bad_credentials: { ko: '아이디 또는 비밀번호가 맞지 않습니다', en: 'Wrong username or password' },
  // Attempts count from when they start (login-limiter.ts): many sent at once are refused before any has failed.
  too_many_failures: {
    ko: '로그인 시도가 너무 많습니다. {seconds}초 후에 다시 시도하세요',
    en: 'Too many sign-in attempts. Try again in {seconds} seconds',
  },
  unauthorized: { ko: '로그인이 필요합니다. 토큰이 없거나 만료되었습니다', en: 'Sign in first: the token is missing, invalid or expired' },
  too_many_password_failures: {
    ko: '현재 비밀번호를 너무 많이 틀렸습니다. {seconds}초 후에 다시 시도하세요',
    en: 'Too many wrong current passwords. Try again in {seconds} seconds',
  },
  bad_current_password: { ko: '현재 비밀번호가 맞지 않습니다', en: 'The current password is wrong' },
  same_password: { ko: '새 비밀번호가 지금 비밀번호와 같습니다', en: 'The new password is the same as the current one' },
  weak_password: {
    ko: '비밀번호가 너무 쉽습니다: {reason}. 흔하지 않은 단어 서너 개를 이어 쓰면 기억하기 쉽고 안전합니다',
    en: 'The password is too easy to guess: {reason}. A few uncommon words strung together are easy to remember and safe',
  },
  username_taken: { ko: '이미 있는 아이디입니다: {username}', en: 'Username already taken: {username}' },
  last_admin: {
    ko: '{username}은(는) 마지막 활성 관리자입니다. 다른 관리자를 먼저 만들어야 역할을 바꾸거나 비활성화할 수 있습니다',
    en: '{username} is the last active admin: make another admin first, then change this role or deactivate this user',
  },
  user_not_found: { ko: '사용자를 찾을 수 없습니다: {id}', en: 'No such user: {id}' },
  token_not_found: { ko: 'API 토큰을 찾을 수 없습니다: {id}', en: 'No such API token: {id}' },
});

/** Why zxcvbn finds a password guessable, by its warning key (our wording, not the library's). */
export const passwordWarnings = defineMessages('password', {
  straightRow: { ko: '키보드에서 나란히 있는 글자입니다', en: 'it is a straight row of keys' },
  keyPattern: { ko: '짧은 키보드 패턴입니다', en: 'it is a short keyboard pattern' },
  simpleRepeat: { ko: '같은 글자의 반복입니다(예: aaaa)', en: 'it repeats one character (like aaaa)' },
  extendedRepeat: { ko: '같은 글자 묶음의 반복입니다(예: abcabc)', en: 'it repeats a group of characters (like abcabc)' },
  sequences: { ko: '연속된 문자나 숫자입니다(예: abcd, 1234)', en: 'it is a sequence (like abcd or 1234)' },
  recentYears: { ko: '최근 연도가 들어 있습니다', en: 'it relies on a recent year' },
  dates: { ko: '날짜는 추측하기 쉽습니다', en: 'dates are easy to guess' },
  topTen: { ko: '가장 많이 쓰이는 비밀번호 10개 중 하나입니다', en: 'it is one of the ten most common passwords' },
  topHundred: { ko: '가장 많이 쓰이는 비밀번호 100개 중 하나입니다', en: 'it is one of the hundred most common passwords' },
  common: { ko: '흔히 쓰이는 비밀번호입니다', en: 'it is a commonly used password' },
  similarToCommon: { ko: '흔히 쓰이는 비밀번호와 비슷합니다', en: 'it is close to a commonly used password' },
  wordByItself: { ko: '단어 하나만으로는 추측하기 쉽습니다', en: 'a single word is easy to guess' },
  namesByThemselves: { ko: '이름만으로는 추측하기 쉽습니다', en: 'names on their own are easy to guess' },
  commonNames: { ko: '흔한 이름이 들어 있습니다', en: 'it relies on a common name' },
  userInputs: { ko: '아이디, 이름 또는 ShipSheet가 들어 있습니다', en: 'it contains the username, the name or ShipSheet' },
  pwned: { ko: '유출된 비밀번호 목록에 있습니다', en: 'it appears in leaked password lists' },
  guessable: { ko: '추측하기 쉬운 조합입니다', en: 'it is an easily guessed combination' },
});
