import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\\Framework\\Exception\\StateException`. */
export class StateException extends LocalizedException {}
