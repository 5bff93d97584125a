import { LocalizedException } from './LocalizedException.ts';
import { Phrase, __ } from './Phrase.ts';

/**
 * Magento's `Magento\Framework\Exception\InputException`: can aggregate several errors. With two or more,
 * the message becomes `One or more input exceptions have occurred.` and each error is listed.
 */
export class InputException extends LocalizedException {
  static readonly DEFAULT_MESSAGE = 'One or more input exceptions have occurred.';
  static readonly REQUIRED_FIELD = '"%fieldName" is required. Enter and try again.';
  static readonly INVALID_FIELD_VALUE = 'Invalid value of "%value" provided for the %fieldName field.';

  private readonly errors: LocalizedException[] = [];

  constructor(phrase: Phrase = __(InputException.DEFAULT_MESSAGE), options?: { cause?: unknown }) {
    super(phrase, options);
  }

  static requiredField(fieldName: string): InputException {
    return new InputException(__(InputException.REQUIRED_FIELD, { fieldName }));
  }

  static invalidFieldValue(fieldName: string, value: unknown): InputException {
    return new InputException(__(InputException.INVALID_FIELD_VALUE, { fieldName, value }));
  }

  addError(phrase: Phrase): this {
    this.errors.push(new LocalizedException(phrase));
    return this;
  }

  getErrors(): readonly LocalizedException[] {
    return this.errors;
  }

  wasErrorAdded(): boolean {
    return this.errors.length > 0;
  }

  /**
   * Magento's aggregate behaviour: one error → that error becomes the message; several → the default
   * message with the list. Returns the exception to throw.
   */
  static fromErrors(phrases: readonly Phrase[]): InputException {
    if (phrases.length === 1) return new InputException(phrases[0]);
    const e = new InputException();
    for (const p of phrases) e.addError(p);
    return e;
  }
}
