import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\Framework\Exception\SecurityViolationException` (a LocalizedException, 400). */
export class SecurityViolationException extends LocalizedException {}
