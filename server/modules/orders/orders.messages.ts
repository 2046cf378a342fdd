import { defineMessages } from '../../../shared/i18n.ts';

export const ordersMessages = defineMessages('orders', {
  reason_for_many: {
    ko: '{field}: 수령인 정보를 {max}건 넘게 한 번에 받으려면 사유를 고르세요 (개인정보 다운로드 사유는 기록됩니다)',
    en: '{field}: say why when reading more than {max} rows with recipients at once (a download of personal data records its reason)',
  },
  param_required: { ko: '{field}: {action}에 필요한 값입니다', en: '{field}: required for {action}' },
  quantity_needs_line: {
    ko: '{field}: 수량을 나눠 클레임하려면 주문이 아니라 주문상품(lin_…)을 지정하세요',
    en: '{field}: a partial quantity needs a line id (lin_…), not an order id',
  },
  not_found: { ko: '주문을 찾을 수 없습니다', en: 'no such order or line' },
  deleted: { ko: '삭제된 주문입니다', en: 'the order is deleted' },
  undelete_erased: {
    ko: '{where}삭제된 채 보관 기간이 지나 수령인 정보가 파기된 주문이라 복구할 수 없습니다',
    en: '{where}deleted past the retention time, its recipient data was erased: it cannot be brought back',
  },
  mall_confirm_required: {
    ko: '{where}쇼핑몰 주문은 쇼핑몰에 발주확인해야 합니다. 주문 탭의 발주확인(또는 작업 탭의 발주확인 작업)으로 쇼핑몰에 보내세요',
    en: '{where}a mall order is confirmed at the mall. Use 발주확인 in the orders tab (or the confirm job) to send it to the mall',
  },
  stale_version: {
    ko: '불러온 뒤 바뀌었습니다 (버전 {seen} → {current}, 현재 상태 {status_label}). 매칭 저장, 다른 작업자, 쇼핑몰 동기화 등으로 바뀐 것이니 다시 불러온 뒤 하세요',
    en: 'changed since you loaded it (version {seen} → {current}, now {status_label}) by a saved match, another operator, a mall sync or the like. Load it again first',
  },
  courier_not_at_mall: {
    ko: '{where}{mall}은(는) {courier} 송장을 받지 않습니다: 번호는 저장했지만 쇼핑몰 송장 전송은 실패합니다. 다른 택배사로 바꾸거나 판매자센터에서 직접 입력하세요',
    en: '{where}{mall} does not take {courier} numbers: the number is kept, but sending it to the mall will fail. Use another courier, or enter it in the seller center',
  },
  auto_ship_held: {
    ko: '번호를 확인할 수 있게 자동 출고(송장 입력 시 출고)는 하지 않았습니다. 확인한 뒤 출고완료하세요',
    en: 'not shipped automatically (ship once numbered), so the number can be checked: ship it once checked',
  },
  auto_ship_apart: {
    ko: '송장번호는 저장했지만 자동 출고(송장 입력 시 출고)는 하지 않아 운송장출력에 남았습니다: 같은 쿠팡 배송(묶음배송)의 상품 {others}이(가) 아직 이 송장번호에 없습니다. 쿠팡은 한 배송의 모든 상품을 송장 하나로 받으니 그 상품에도 같은 송장번호를 넣으면 함께 출고됩니다 (또는 그 상품을 취소한 뒤 출고완료하세요)',
    en: 'numbered, but not shipped automatically (ship once numbered): it stays Invoiced, as {others}, of the same Coupang shipment, is not under this number yet. Coupang takes one number for all items of a shipment: give them the same number and it ships whole (or cancel them, then ship)',
  },
  auto_ship_on_hold: {
    ko: '송장번호는 저장했지만 박스에 보류된 주문이 있어 자동 출고(송장 입력 시 출고)는 하지 않았습니다. 보류를 해제한 뒤 출고완료하세요',
    en: 'numbered, but not shipped automatically (ship once numbered): an order in the box is on hold. Release the hold, then ship',
  },
  auto_ship_refused: {
    ko: '송장번호는 저장했지만 자동 출고(송장 입력 시 출고)는 하지 않아 운송장출력에 남았습니다: {why}',
    en: 'numbered, but not shipped automatically (ship once numbered): it stays Invoiced. {why}',
  },
  mall_decision_queued: {
    ko: '쇼핑몰에서 들어온 클레임이라 처리 결과를 쇼핑몰에 전송합니다(클레임 처리 전송 작업). 쇼핑몰이 받지 않거나 API로 처리할 수 없으면 작업 탭의 결과에 사유가 나오니 판매자센터에서 처리하세요',
    en: 'a claim from the mall: the decision is sent to the mall (send claim decisions job). If the mall refuses it or has no API for it, the job results in the jobs tab say why: handle it in the seller center then',
  },
  duplicate_item: { ko: '같은 요청에 두 번 들어 있습니다', en: 'appears twice in the same request' },
  unknown_courier: { ko: '알 수 없는 택배사입니다: {courier}', en: 'unknown courier: {courier}' },
  duplicate_tracking_number: {
    ko: '운송장번호 {tracking_number}은(는) 이미 다른 주문 {other}에 쓰였습니다',
    en: 'tracking number {tracking_number} is already used by order {other}',
  },
  overwrite_required: {
    ko: '이미 운송장번호 {current}이(가) 있습니다. 덮어쓰려면 덮어쓰기를 선택하세요',
    en: 'already has tracking number {current}; ask for overwrite to replace it',
  },
  box_already_sent: {
    ko: '운송장 {tracking_number}은(는) 이미 쇼핑몰에 전송되어 바꿀 수 없습니다',
    en: 'tracking number {tracking_number} was already sent to the mall and cannot change',
  },
  quantity_too_large: {
    ko: '클레임 수량 {quantity}이(가) 주문 수량 {available}보다 많습니다',
    en: 'claim quantity {quantity} exceeds the line quantity {available}',
  },
  hold_not_allowed: {
    ko: '출고 전(결제완료~운송장출력) 주문만 보류할 수 있습니다',
    en: 'only orders not yet shipped (Paid to Invoiced) can be put on hold',
  },
  order_not_found: { ko: '주문을 찾을 수 없습니다: {id}', en: 'No such order: {id}' },
  named_channel_needs_name: {
    ko: '{field}: 판매채널 이름을 입력하세요 (채널 구분이 named일 때 필요)',
    en: '{field}: required when channel_kind is named',
  },
  courier_needs_tracking: {
    ko: '{field}: 택배사와 운송장번호는 함께 입력하세요',
    en: '{field}: give courier and tracking number together',
  },
  shipment_apart: {
    ko: '{where}같은 쿠팡 배송(묶음배송)의 상품 {other}이(가) 이 박스에 없어 {action_label}할 수 없습니다. 쉽시트는 쿠팡 분리배송을 쓰지 않아 한 배송의 모든 상품이 송장 하나로 나갑니다: 같은 송장번호로 함께 출고하거나 그 상품을 먼저 취소하세요',
    en: '{where}{other}, of the same Coupang shipment, is not in this box: it cannot take {action_label}. ShipSheet does not use Coupang’s split shipping, so all items of a shipment go under one number: ship them together, or cancel that item first',
  },
  shipment_sold_out: {
    ko: '{where}같은 쿠팡 배송(묶음배송)의 상품 {other}이(가) 품절이라 송장을 입력할 수 없습니다. 쉽시트는 쿠팡 분리배송을 쓰지 않아 한 배송의 모든 상품이 송장 하나로 나갑니다: 재고를 채워 품절을 해제하거나 그 상품을 먼저 취소하세요',
    en: '{where}{other}, of the same Coupang shipment, is sold out: no tracking number can be set. ShipSheet does not use Coupang’s split shipping, so all items of a shipment go under one number: restock and release it from sold out, or cancel that item first',
  },
  return_received: {
    ko: '{where}돌아온 상품이 이미 입고되었습니다 ({at}). 입고된 상품은 {action_label}할 수 없습니다: 다시 보내려면 새 주문으로 출고하세요',
    en: '{where}the goods that came back were received ({at}): it cannot take {action_label}. To send it again, ship it as a new order',
  },
  box_holds_deleted: {
    ko: '{where}이 박스에 삭제된 주문의 상품 {other}이(가) 들어 있어 {action_label}할 수 없습니다: 그 주문을 주문삭제 복구하세요 (다시 삭제하면 박스에서 빠집니다)',
    en: '{where}this box holds {other}, of a deleted order: it cannot take {action_label}. Bring that order back (undelete); deleted again, it leaves the box',
  },
  order_unmatched: {
    ko: '{where}같은 주문의 상품 {other}이(가) 비매칭이라 주문 전체를 {action_label}할 수 없습니다. 매칭 탭에서 상품을 매칭하세요',
    en: '{where}another line of the order, {other}, is unmatched: the whole order cannot take {action_label}. Match it in the matching tab',
  },
});
