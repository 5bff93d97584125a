import { Phrase } from './Phrase.ts';

/**
 * Magento's `Magento\Framework\Exception\LocalizedException`: a client-facing error whose message is a
 * template with parameters. The HTTP status is decided only by the Webapi ErrorProcessor.
 */
export class LocalizedException extends Error {
  readonly phrase: Phrase;

  constructor(phrase: Phrase, options?: { cause?: unknown }) {
    super(phrase.render(), options);
    this.phrase = phrase;
    this.name = new.target.name;
  }

  /** The raw template, e.g. `"%fieldName" is required. Enter and try again.` */
  getRawMessage(): string {
    return this.phrase.text;
  }

  getParameters(): Phrase['parameters'] {
    return this.phrase.parameters;
  }
}
