// Why personal data leaves ShipSheet, as the pane keeps it: the operator picks a reason (and words for 기타) once,
// and the pane remembers it for the sign-in session, so the next pull or export offers it again (issue 10 §6).
// Kept in memory only, per token: a reload or another sign-in asks again. No browser needed here (unit-tested).
import { REASON_TEXT_MAX, type ExportReason } from '../../../../shared/export-reasons.ts';

/** A reason as the API takes it. */
export type Reason = { reason: ExportReason; reason_text?: string };

/** What the form holds: nothing chosen yet, or a code with optional words. */
export type ReasonChoice = { reason: ExportReason | ''; text: string };

export const EMPTY_CHOICE: ReasonChoice = { reason: '', text: '' };

export type ReasonProblem = 'reason_missing' | 'reason_text_missing' | 'reason_text_long';

/** The reason a choice gives, or what is missing (the server refuses the same: 기타 needs words). */
export function reasonOfChoice(choice: ReasonChoice): { reason: Reason } | { problem: ReasonProblem } {
  if (!choice.reason) return { problem: 'reason_missing' };
  const text = choice.text.trim();
  if (choice.reason === 'other' && !text) return { problem: 'reason_text_missing' };
  if (text.length > REASON_TEXT_MAX) return { problem: 'reason_text_long' };
  return { reason: { reason: choice.reason, ...(text ? { reason_text: text } : {}) } };
}

export const choiceOf = (reason: Reason | null): ReasonChoice => (reason ? { reason: reason.reason, text: reason.reason_text ?? '' } : EMPTY_CHOICE);

/** The session's last reason: one per token, subscribers told of a change (React reads it with useSyncExternalStore). */
export class ReasonMemory {
  private kept: { token: string; reason: Reason } | null = null;
  private readonly listeners = new Set<() => void>();

  /** The reason remembered for this sign-in (token), or null when this session has not given one. */
  get(token: string | null): Reason | null {
    return token && this.kept?.token === token ? this.kept.reason : null;
  }

  remember(token: string | null, reason: Reason): void {
    if (!token) return;
    this.kept = { token, reason };
    this.listeners.forEach((l) => l());
  }

  /** Forgets it: the next pull asks again (the operator wants to give another reason). */
  forget(): void {
    this.kept = null;
    this.listeners.forEach((l) => l());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The pane's one memory (a module: lives as long as the pane's page). */
export const sessionReasons = new ReasonMemory();
