import { LocalizedException } from './LocalizedException.ts';

/**
 * Magento's `Magento\Framework\Exception\SerializationException`: a request value that cannot be converted to
 * the declared type. The Webapi input processor turns it into a 400 whose message is the rendered text.
 */
export class SerializationException extends LocalizedException {}
