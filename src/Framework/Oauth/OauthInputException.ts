import { InputException } from '../Exception/InputException.ts';
import type { Phrase } from '../Exception/Phrase.ts';

/** Magento's `Magento\Framework\Oauth\OauthInputException`: an InputException (400 on the web API). */
export class OauthInputException extends InputException {
  /** Several missing parameters: one exception listing each; a single one becomes the message. */
  static fromPhrases(phrases: readonly Phrase[]): OauthInputException {
    if (phrases.length === 1) return new OauthInputException(phrases[0]);
    const e = new OauthInputException();
    for (const phrase of phrases) e.addError(phrase);
    return e;
  }

  /** Magento's `getAggregatedErrorMessage()`: the errors' rendered messages, trailing periods trimmed, joined with ", ". */
  getAggregatedErrorMessage(): string {
    return this.getErrors()
      .map((error) => error.message.replace(/\.+$/, ''))
      .join(', ');
  }
}
