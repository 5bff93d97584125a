import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\Framework\Exception\State\InvalidTransitionException` (400). */
export class InvalidTransitionException extends LocalizedException {}
