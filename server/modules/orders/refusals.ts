// A refused item as an error, for calls that apply one item and answer with an error when it is refused (a single
// transition; a direct order entered with its tracking number). The same reason a bulk result would give, with
// the request field it is about, so a 400 names the field like any validation error.
import type { ItemResult } from '../../../shared/api/orders.schema.ts';
import { AppError, type ErrorType } from '../../../shared/errors.ts';
import type { Text } from '../../../shared/i18n.ts';
import { namedField } from '../../domain/validation.ts';

const REFUSAL_TYPE: Record<string, ErrorType> = {
  not_found: 'not_found',
  deleted: 'not_found',
  stale_version: 'conflict',
  illegal_transition: 'conflict',
  blocked: 'conflict',
  no_earlier_status: 'conflict',
  duplicate_tracking_number: 'conflict',
  overwrite_required: 'conflict',
  box_already_sent: 'conflict',
};

const REFUSAL_FIELD: Record<string, string> = {
  invalid_tracking_number: 'tracking_number',
  duplicate_tracking_number: 'tracking_number',
  unknown_courier: 'courier',
  quantity_too_large: 'quantity',
  overwrite_required: 'overwrite',
  stale_version: 'version',
};

type Refused = Pick<ItemResult, 'id' | 'version'> & { code: string; message: Text };

/**
 * `fieldFirst`: the message starts with the field's name, as the validation messages of a form do (direct orders);
 * a single transition's message is the engine's own.
 */
export function refusalError(result: Refused, fieldFirst = false): AppError {
  const field = REFUSAL_FIELD[result.code];
  const message = field && fieldFirst ? namedField(field, result.message) : result.message;
  return new AppError(REFUSAL_TYPE[result.code] ?? 'invalid_data', result.code, message, {
    details: field
      ? [{ field, code: result.code, message }]
      : { id: result.id, ...(result.version !== undefined ? { version: result.version } : {}) },
  });
}
