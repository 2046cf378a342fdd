import type { Messages } from '../../../../shared/i18n.ts';

export const rememberedMessages = {
  rm_title: { ko: '기억된 매칭', en: 'Remembered matches' },
  rm_help: {
    ko: '잘못 저장한 매칭을 찾아 삭제하세요. 삭제하면 대기 중인 주문상품은 비매칭으로 돌아가고, 이미 포장·출고된 주문상품은 그대로입니다.',
    en: 'Find a wrong match and remove it: its waiting lines go back to unmatched; lines already packed or shipped keep their SKUs.',
  },
  rm_search: { ko: '상품명·옵션·상품코드 검색', en: 'Search product, option or SKU code' },
  rm_find: { ko: '찾기', en: 'Find' },
  rm_more: { ko: '더 보기', en: 'More' },
  rm_remove: { ko: '삭제', en: 'Remove' },
  rm_confirm: { ko: '삭제 확인', en: 'Confirm removal' },
  rm_found: { ko: '기억된 매칭 {count}개', en: '{count} remembered matches' },
  rm_none: { ko: '기억된 매칭이 없습니다', en: 'No remembered matches' },
  rm_removed: {
    ko: '"{product}" 매칭을 삭제했습니다: 대기 주문상품 {count}건이 비매칭으로 돌아갔습니다',
    en: 'Removed the match of "{product}": {count} waiting lines are unmatched again',
  },
  rm_removed_badge: { ko: '삭제됨', en: 'Removed' },
} satisfies Messages;
