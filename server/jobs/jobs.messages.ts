import type { Messages } from '../../shared/i18n.ts';

export const jobsMessages = {
  account_not_found: { ko: '쇼핑몰 계정을 찾을 수 없습니다: {id}', en: 'No such mall account: {id}' },
  account_inactive: { ko: '{name}: 사용하지 않는 계정입니다', en: '{name}: the account is switched off' },
  service_off: { ko: '{name}: {service} 서비스가 꺼져 있습니다', en: '{name}: the {service} service is switched off' },
  already_running: { ko: '{name}: 같은 작업이 이미 진행 중입니다 ({job})', en: '{name}: the same job is already running ({job})' },
  no_credentials: { ko: '{name}: 인증 정보가 없습니다', en: '{name}: no credentials stored' },
  auth_failed: { ko: '쇼핑몰 인증에 실패했습니다. API 키를 확인하세요: {detail}', en: 'The mall refused the credentials; check the API keys: {detail}' },
  mall_unavailable: { ko: '쇼핑몰 응답이 없거나 오류가 계속됩니다: {detail}', en: 'The mall did not answer or kept failing: {detail}' },
  rate_limited: { ko: '쇼핑몰 호출 한도를 넘었습니다. 잠시 후 다시 실행하세요: {detail}', en: 'The mall rate limit was reached; run again later: {detail}' },
  unexpected: { ko: '작업 중 예상하지 못한 오류가 발생했습니다 (작업 {job})', en: 'Unexpected error during the job ({job})' },
  canceled: { ko: '작업이 취소되었습니다', en: 'The job was canceled' },
  server_stopped: { ko: '서버가 멈춰 작업이 끝나지 못했습니다', en: 'The server stopped before the job finished' },
  period_too_long: { ko: '{field}: 기간은 최대 {max}일입니다', en: '{field}: the period is at most {max} days' },
  period_order: { ko: 'from: 시작일이 종료일보다 늦습니다', en: 'from: the start is after the end' },
  job_not_found: { ko: '작업을 찾을 수 없습니다: {id}', en: 'No such job: {id}' },
  already_collected: { ko: '이미 수집된 주문입니다', en: 'Already collected' },
  collected: { ko: '수집했습니다', en: 'Collected' },
  not_collected: { ko: '수집되지 않은 주문입니다', en: 'Not a collected order' },
  no_change: { ko: '변경 없음', en: 'No change' },
  mismatch: {
    ko: '쇼핑몰 상태({mall})를 반영할 수 없습니다: {detail}',
    en: 'The mall status ({mall}) could not be applied: {detail}',
  },
} satisfies Messages;
