// A column of a work sheet the pane writes and reads back (매칭, 재고 …): what the pull fills, what the operator
// types, what the push writes beside the row.
import type { MessageText } from '../i18n.ts';

export type WorkColumn = {
  id: string;
  header: MessageText;
  /** Width in Excel character units. */
  width: number;
  /** Typed by the operator (the rest is written by the pull or the push). */
  input?: boolean;
  /** Written by the push: result and message. */
  output?: boolean;
  hidden?: boolean;
  /** Kept as text: codes and keys of digits keep their leading zeros. */
  text?: boolean;
};
