// What a sync says it did with an address the buyer changed at the mall (mall-recipients.service.ts), Korean first.
import { defineMessages } from '../../../shared/i18n.ts';

/**
 * What the sync did with each order (ok / skipped), and, as a failed result of its own beside it, what an operator
 * must now do (listed among the job's failures, 작업실패, by mall order number).
 */
export const mallRecipientMessages = defineMessages('mall_recipients', {
  recipient_changed: { ko: '쇼핑몰에서 바뀐 배송지를 반영했습니다', en: 'The delivery address changed at the mall was applied' },
  recipient_not_applied: {
    ko: '쇼핑몰에서 배송지가 바뀌었지만 취소·반품·교환되었거나 삭제된 주문이라 반영하지 않았습니다',
    en: 'The delivery address changed at the mall; not applied, as the order is canceled, returned, exchanged or deleted',
  },
  recipient_kept_ours: {
    ko: '쇼핑몰에서 배송지가 바뀌었지만, 여기서 고친 수취인 정보({at})를 그대로 두었습니다',
    en: 'The delivery address changed at the mall, but the recipient corrected here ({at}) was kept',
  },
  recipient_reprint: {
    ko: '쇼핑몰에서 배송지가 바뀌었는데 이미 송장이 나온 주문입니다 ({status}): 송장을 다시 출력하고, 출고했다면 택배사에 주소 변경을 요청하세요',
    en: 'The delivery address changed at the mall after the waybill was made ({status}): reprint the label, and if the parcel has left, ask the courier to change the address',
  },
  recipient_merged: {
    ko: '쇼핑몰에서 배송지가 바뀌어, 합포된 다른 주문과 받는 곳이 달라졌습니다: 합포를 확인하세요',
    en: 'The delivery address changed at the mall: the orders merged into its box no longer go to one address; check the merge',
  },
  recipient_check: {
    ko: '쇼핑몰에서 배송지가 바뀌었지만 여기서 고친 수취인 정보({at})를 두었습니다: 어느 주소가 맞는지 확인하세요',
    en: 'The delivery address changed at the mall, but the recipient corrected here ({at}) was kept: check which address is right',
  },
});
