// The 파일 tab never imports one of the pane's own sheets (a 주문 sheet guessed as a courier result).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { isOwnSheet } from '../../../addin/src/features/files/own-sheets.ts';

describe('own sheets', () => {
  it('knows the pane’s sheets, in either language where they have two, and its hidden ones', () => {
    for (const name of ['주문', '재고', '할당', '합포', '사은품', '매칭', '클레임대기', 'Waiting claims', '_shipsheet_lists']) {
      assert.equal(isOwnSheet(name), true, name);
    }
    for (const name of ['Sheet1', 'CJ 결과', '주문서', '도매 주문']) assert.equal(isOwnSheet(name), false, name);
  });
});
