// What is wrong with an edited sheet cell, said the same way whether the pane finds it before sending or the
// server finds it on push: the operator reads it in the row's result column, next to the cell.
import type { Messages } from '../i18n.ts';

export const cellMessages = {
  hold_reason_required: { ko: '출고보류에는 보류사유가 필요합니다. 보류사유를 입력하세요', en: 'A hold needs a reason: enter a hold reason' },
  courier_required: { ko: '운송장번호를 넣으려면 택배사를 고르세요', en: 'Choose a courier for the tracking number' },
  memo_cannot_clear: { ko: '메모는 지울 수 없습니다. 새 메모를 입력하세요', en: 'A memo cannot be removed; type a new one' },
} satisfies Messages;
