import { defineMessages } from '../../shared/i18n.ts';

export const httpMessages = defineMessages('http', {
  forbidden: { ko: '권한이 없습니다 ({role} 이상 필요)', en: 'Not allowed: this needs the {role} role or higher' },
  password_change_required: {
    ko: '임시 비밀번호로 로그인했습니다. 먼저 비밀번호를 바꾸세요 (POST /api/auth/password)',
    en: 'Signed in with a one-time password: change the password first (POST /api/auth/password)',
  },
  not_found_route: { ko: '{method} {path}: 없는 API입니다', en: '{method} {path}: no such API route' },
  unexpected: {
    ko: '서버 오류가 발생했습니다. 요청 번호 {request_id}로 관리자에게 문의하세요',
    en: 'Unexpected server error. Quote request id {request_id} to your administrator',
  },
  bad_json: { ko: '요청 본문이 올바른 JSON이 아닙니다', en: 'The request body is not valid JSON' },
  bad_request: { ko: '요청 형식이 올바르지 않습니다 (HTTP {status})', en: 'The request is malformed (HTTP {status})' },
  nul_character: { ko: '{field}: NUL 문자(\\u0000)는 쓸 수 없습니다', en: '{field}: the NUL character (\\u0000) is not allowed' },
  lone_surrogate: {
    ko: '{field}: 깨진 문자(짝 없는 UTF-16 서로게이트)가 있습니다. 글자를 다시 입력하세요',
    en: '{field}: holds a broken character (an unpaired UTF-16 surrogate); type the text again',
  },
  body_not_json: {
    ko: 'content-type: 요청 본문은 JSON(application/json)으로 보내야 합니다 (받은 형식: {type})',
    en: 'content-type: send the request body as JSON (application/json), not as {type}',
  },
  bad_path: {
    ko: '{field}: 주소에 풀 수 없는 %인코딩이 있습니다 ({value})',
    en: '{field}: holds a %-escape that does not decode ({value})',
  },
  headers_too_large: {
    ko: '요청 주소나 헤더가 너무 깁니다 (최대 {limit}). 주소에 넣은 값을 줄이거나 본문으로 보내세요',
    en: 'The request URL or headers are too long (at most {limit}); send fewer values in the URL, or send them in the body',
  },
  body_too_large: { ko: '요청 본문이 너무 큽니다 (최대 {limit})', en: 'The request body is too large (at most {limit})' },
});
