// The accounts tab's words for connecting and checking mall accounts, Korean first.
import type { Messages } from '../../../../shared/i18n.ts';
import type { MallType } from '../../../../shared/malls.ts';

export const accountMessages = {
  connect: { ko: '쇼핑몰 계정 연결', en: 'Connect a mall account' },
  connect_open: { ko: '+ 계정 연결', en: '+ Connect account' },
  mall: { ko: '쇼핑몰', en: 'Mall' },
  display_name: { ko: '계정 이름', en: 'Account name' },
  base_url: { ko: 'API 주소 (선택: 샌드박스·프록시)', en: 'API address (optional: sandbox, proxy)' },
  save: { ko: '연결', en: 'Connect' },
  cancel: { ko: '취소', en: 'Cancel' },
  connected: { ko: '"{name}" 계정을 연결했습니다. 연결 확인 결과: {result}', en: 'Connected "{name}". Connection test: {result}' },
  test: { ko: '연결 확인', en: 'Test connection' },
  testing: { ko: '쇼핑몰에 확인하는 중…', en: 'Asking the mall…' },
  test_ok: { ko: '"{name}": 연결 정상 — {message}', en: '"{name}": connection works — {message}' },
  test_failed: { ko: '"{name}": 연결 실패 — {message}', en: '"{name}": connection failed — {message}' },
  change_keys: { ko: '키 변경', en: 'Change keys' },
  keys_of: { ko: '"{name}"의 새 인증 정보', en: 'New credentials for "{name}"' },
  save_keys: { ko: '키 저장', en: 'Save keys' },
  keys_saved: {
    ko: '"{name}"의 인증 정보를 바꿨습니다. 연결 확인 결과: {result}',
    en: 'Changed the credentials of "{name}". Connection test: {result}',
  },
  required: { ko: '{field}을(를) 입력하세요.', en: 'Enter {field}.' },
  admin_only: { ko: '계정 연결과 키 변경은 관리자만 할 수 있습니다.', en: 'Only admins connect accounts and change keys.' },
  result_ok: { ko: '정상', en: 'works' },
  result_failed: { ko: '실패 ({message})', en: 'failed ({message})' },
  hint: { ko: '저장된 키: {hint}', en: 'Stored keys: {hint}' },
} satisfies Messages;

/** The credential fields of each mall, as its seller centre names them; secrets are typed hidden. */
export const CREDENTIAL_FIELDS: Record<MallType, { id: string; label: { ko: string; en: string }; secret?: boolean; optional?: boolean }[]> = {
  coupang: [
    { id: 'vendor_id', label: { ko: '업체코드 (Vendor ID)', en: 'Vendor ID' } },
    { id: 'access_key', label: { ko: 'Access Key', en: 'Access key' } },
    { id: 'secret_key', label: { ko: 'Secret Key', en: 'Secret key' }, secret: true },
  ],
  naver: [
    { id: 'client_id', label: { ko: '애플리케이션 ID', en: 'Application ID' } },
    { id: 'client_secret', label: { ko: '애플리케이션 시크릿', en: 'Application secret' }, secret: true },
  ],
  cafe24: [
    { id: 'mall_id', label: { ko: '쇼핑몰 ID', en: 'Mall ID' } },
    { id: 'client_id', label: { ko: 'Client ID', en: 'Client ID' } },
    { id: 'client_secret', label: { ko: 'Client Secret', en: 'Client secret' }, secret: true },
    { id: 'refresh_token', label: { ko: 'Refresh Token (선택)', en: 'Refresh token (optional)' }, secret: true, optional: true },
  ],
};
