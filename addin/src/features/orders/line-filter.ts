// The lines filter as the pane holds it (GET /api/order-lines takes the same fields); empty fields filter nothing.
import { ORDER_FLAGS, LINE_FLAGS, type Status } from '../../../../shared/lifecycle.ts';

/** Marks a line can be filtered by (표시): the order and line flags, and an order with a memo or message on it. */
export const LINE_MARKS = [...ORDER_FLAGS, ...LINE_FLAGS, 'has_memo'] as const;
export type LineMark = (typeof LINE_MARKS)[number];

export type LineFilter = { status: Status[]; mall_account_id: string; from: string; to: string; q: string; marks: LineMark[] };
export const EMPTY_LINE_FILTER: LineFilter = { status: [], mall_account_id: '', from: '', to: '', q: '', marks: [] };

/** The marks as the lines query takes them: each one asked for as set (lines carrying every one). */
export const markFields = (marks: readonly LineMark[]): Partial<Record<LineMark, 'true'>> => Object.fromEntries(marks.map((m) => [m, 'true']));
