// Refuses guessable passwords wherever one is chosen through the API (own change, an admin creating or resetting a
// user), with the reason (a Message the edge renders). zxcvbn estimates how many guesses a password would take from
// common-password, word and name lists, keyboard patterns, repeats, sequences and dates; the user's own name, the
// username and the product's name count as guessable too. SHIPSHEET_ADMIN_PASSWORD is the operator's choice at
// install time and is not checked here.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { authMessages, passwordWarnings } from './auth.messages.ts';

/** zxcvbn score 0–4; 3 means about 10^8 guesses or more ("safely unguessable" against online and slow-hash attacks). */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
// The dictionaries are large: built on first use, not at start-up. Without translations zxcvbn returns its
// message keys, which are mapped to our own messages below.
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs }));

/** Throws a 400 naming `field` with the reason when the password is too easy to guess. */
export function assertStrongPassword(password: string, context: { field: string; userInputs: (string | null | undefined)[] }): void {
  const inputs = ['shipsheet', ...context.userInputs.filter((v): v is string => !!v)];
  const result = estimator().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const key = result.feedback.warning as keyof typeof passwordWarnings | null;
  const reason = message(key && key in passwordWarnings ? passwordWarnings[key] : passwordWarnings.guessable);
  const text = message(authMessages.weak_password, { reason });
  throw new AppError('invalid_data', 'weak_password', text, {
    details: [{ field: context.field, code: 'weak_password', message: text }],
  });
}
