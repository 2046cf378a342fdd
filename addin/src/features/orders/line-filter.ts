// The lines filter as the pane holds it (GET /api/order-lines takes the same fields); empty fields filter nothing.
import type { Status } from '../../../../shared/lifecycle.ts';

export type LineFilter = { status: Status[]; mall_account_id: string; from: string; to: string; q: string };
export const EMPTY_LINE_FILTER: LineFilter = { status: [], mall_account_id: '', from: '', to: '', q: '' };
