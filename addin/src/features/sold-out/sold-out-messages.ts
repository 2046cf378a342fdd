// The sold-out tab's texts (품절주문 and 품절해제), Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const soldOutMessages = {
  so_title: { ko: '품절 주문 {count}건', en: '{count} sold-out lines' },
  so_refresh: { ko: '새로고침', en: 'Refresh' },
  so_loading: { ko: '불러오는 중…', en: 'Loading…' },
  so_empty: { ko: '품절 주문이 없습니다.', en: 'No sold-out lines.' },
  so_help: {
    ko: '강제품절 상품이나 재고 부족으로 출고할 수 없는 주문입니다. 재고를 맞춘 뒤 품절해제하세요. 선택한 건이 없으면 해제 가능한 모든 건을 해제합니다.',
    en: 'Lines that cannot ship: a forced sold-out SKU or too little stock. Fix the stock, then release. With nothing selected, every releasable line is released.',
  },
  so_needs: { ko: '{code}: 필요 {needed} · 가용 {available}', en: '{code}: needs {needed} · {available} available' },
  so_forced: { ko: '강제품절', en: 'Forced sold-out' },
  so_releasable: { ko: '해제 가능', en: 'Releasable' },
  so_blocked: { ko: '해제 불가', en: 'Not yet' },
  so_no_skus: { ko: '매칭된 상품 없음', en: 'No SKU matched' },
  so_select: { ko: '선택', en: 'Select' },
  so_reason: { ko: '해제 사유', en: 'Reason' },
  so_reason_placeholder: { ko: '예: 재고 입고', en: 'e.g. stock arrived' },
  so_reason_required: { ko: '해제 사유를 입력하세요.', en: 'Enter a reason for the release.' },
  so_release_selected: { ko: '선택 {count}건 품절해제', en: 'Release {count} selected' },
  so_release_all: { ko: '품절해제 (전체)', en: 'Release all' },
  so_releasing: { ko: '품절해제 중…', en: 'Releasing…' },
  so_released: { ko: '{released}건 해제, {refused}건 해제 안 됨', en: '{released} released, {refused} not released' },
  so_result_released: { ko: '해제됨', en: 'Released' },
  so_viewer: { ko: '품절해제는 운영자와 관리자만 할 수 있습니다.', en: 'Only operators and admins can release.' },
  so_more: { ko: '더 보기', en: 'Show more' },
} satisfies Messages;
