import { defineMessages } from '../../../shared/i18n.ts';

// 송장 대역 and 자동 채번.
export const bandMessages = defineMessages('bands', {
  unknown_courier: { ko: '알 수 없는 택배사입니다: {courier}', en: 'Unknown courier: {courier}' },
  band_courier_unsupported: {
    ko: '{courier}은(는) 숫자 운송장번호 대역을 쓰지 않습니다',
    en: '{courierEn} has no bands of numeric tracking numbers',
  },
  band_number_invalid: { ko: '{field}: {problem}', en: '{field}: {problem}' },
  band_lengths_differ: {
    ko: '시작 번호와 끝 번호의 자릿수가 다릅니다 ({first}자리, {last}자리)',
    en: 'the first and last numbers differ in length ({first} and {last} digits)',
  },
  band_check_mixed: {
    ko: '{field}: 시작 번호와 끝 번호 중 하나만 검증 숫자(mod 7)가 맞습니다. 택배사가 준 번호를 다시 확인하세요',
    en: '{field}: only one of the two ends carries the mod-7 check digit; check the numbers the courier gave',
  },
  band_reversed: { ko: '끝 번호가 시작 번호보다 앞섭니다', en: 'the last number comes before the first' },
  band_overlap: {
    ko: '{courier}의 다른 대역 {first} ~ {last}과(와) 겹칩니다',
    en: 'overlaps another {courierEn} band, {first} to {last}',
  },
  band_not_found: { ko: '송장 대역을 찾을 수 없습니다 ({id})', en: 'no such tracking number band ({id})' },
  stale_band: {
    ko: '다른 사용자가 대역을 바꿨습니다 (현재 버전 {current}). 다시 불러오세요',
    en: 'someone changed the band (now version {current}); reload it',
  },
  no_band: {
    ko: '{courier}의 사용할 수 있는 송장 대역이 없습니다. 설정에서 택배사가 준 대역을 등록하세요',
    en: 'no {courierEn} band with numbers left; register the band the courier gave you in the settings',
  },
  already_numbered: {
    ko: '이미 운송장번호 {current}이(가) 있어 대역 번호를 주지 않았습니다',
    en: 'already has tracking number {current}: no number from the band given',
  },
  band_exhausted: {
    ko: '{courier} 대역의 번호가 모두 쓰였습니다. 새 대역을 등록한 뒤 다시 받으세요',
    en: 'the {courierEn} bands are used up; register a new band and try again',
  },
  issue_reason: { ko: '송장 대역 자동 채번', en: 'numbered from a tracking number band' },
});
