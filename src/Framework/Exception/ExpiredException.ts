import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\Framework\Exception\State\ExpiredException` (400). */
export class ExpiredException extends LocalizedException {}
