import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\Framework\Exception\State\InputMismatchException` (400). */
export class InputMismatchException extends LocalizedException {}
