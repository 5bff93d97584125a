import { InputException } from './InputException.ts';
import { __ } from './Phrase.ts';

/**
 * A value the database refused as data (too long, out of range, not convertible), translated at the database
 * boundary into Magento's `Invalid value of "%value" provided for the %fieldName field.` (400). `fieldName` is
 * the column the driver named (`unknown` when it named none) and `value` the value it quoted, if any: never the
 * statement. The driver error stays as `cause`.
 *
 * This is the last line of defence: services validate their input first and answer with Magento's own
 * messages, so reaching this means a bound was missed.
 */
export class InvalidValueException extends InputException {
  constructor(
    readonly column: string | undefined,
    value: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(__(InputException.INVALID_FIELD_VALUE, { value: value ?? '', fieldName: column ?? 'unknown' }), options);
  }
}
