// The merge tab's texts (합포장), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const mergeMessages = {
  mg_help: {
    ko: '출고대기 중 송장이 없는 주문을 받는 분(이름·주소·연락처)으로 묶어 한 박스로 합포합니다. 이름·주소만 같은 주문은 검토 후 합포하거나 따로 둡니다.',
    en: 'Ready orders without a number go into one box per recipient (name, address and phones). Orders with only the same name and address are yours to merge or keep apart.',
  },
  mg_preview: { ko: '합포 미리보기', en: 'Preview merge' },
  mg_previewing: { ko: '합포 대상을 찾는 중…', en: 'Finding orders to merge…' },
  mg_previewed: {
    ko: '"{sheet}" 시트에 합포 그룹 {groups}개, 검토 필요 {reviews}개 ({lines}줄)를 썼습니다.',
    en: 'Written to the "{sheet}" sheet: merge groups {groups}, to review {reviews}, lines {lines}.',
  },
  mg_nothing: { ko: '합포할 주문이 없습니다.', en: 'Nothing to merge.' },
  mg_reviews: { ko: '검토 필요 {count}개 · 결정 {decided}개', en: '{count} to review · {decided} decided' },
  mg_more: { ko: '더 보기 ({shown}/{count}개 표시)', en: 'Show more ({shown} of {count} shown)' },
  mg_accept: { ko: '합포', en: 'Merge' },
  mg_reject: { ko: '따로', en: 'Keep apart' },
  mg_apply: { ko: '합포 적용 (그룹 {count}개)', en: 'Apply (groups: {count})' },
  mg_applying: { ko: '합포하는 중…', en: 'Merging…' },
  mg_applied: {
    ko: '{groups}개 그룹 {lines}줄을 합포했습니다. 제외 {rejected}개.',
    en: 'Merged: groups {groups}, lines {lines}; kept apart {rejected}.',
  },
  mg_last: { ko: '마지막 합포: 그룹 {groups}개 · {lines}줄{auto}', en: 'Last merge: groups {groups} · lines {lines}{auto}' },
  mg_auto: { ko: ' (자동)', en: ' (automatic)' },
  mg_undo: { ko: '합포 되돌리기', en: 'Undo merge' },
  mg_undoing: { ko: '되돌리는 중…', en: 'Undoing…' },
  mg_undone: { ko: '합포를 되돌렸습니다 ({lines}줄).', en: 'Merge undone ({lines} lines).' },
  mg_viewer: { ko: '합포 적용과 되돌리기는 운영자와 관리자만 할 수 있습니다.', en: 'Only operators and admins can apply or undo.' },
  reason_phone_unknown: { ko: '연락처 확인 불가 (안심번호·없음)', en: 'Phones cannot be compared (safe number or none)' },
  reason_safe_number: { ko: '같은 연락처 · 안심번호만 다름', en: 'Same phone; only a safe number differs' },
  reason_phones_differ: { ko: '연락처 다름', en: 'Phones differ' },
  reason_details_differ: { ko: '상세주소·우편번호 다름', en: 'Address details differ' },
} satisfies Messages;
