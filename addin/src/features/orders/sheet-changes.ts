// "The order sheet's rows were written again from the server": said by the sheet's writers (order-sheet.ts: a pull,
// a push, the refresh after an action, an undo, a ship, numbers from a band or a send job's end) — and by the end of
// a job that changed orders without writing rows (클레임 처리 전송: a claim's 쇼핑몰 전송 state), whichever tab
// started them (주문, 송장, 현황's pull); heard by what shows those orders beside the sheet (주문 상세), which reads its
// order again. One for the pane, as there is one order sheet; no tab needs to know another is listening.
const listeners = new Set<() => void>();

/** Calls `listener` after every change written to the order sheet; answers a function that stops it. */
export function onOrderSheetChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Tells every listener the order sheet's rows changed (after the cells are written). */
export function announceOrderSheetChange(): void {
  for (const listener of [...listeners]) listener();
}
