import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\\Framework\\Exception\\NoSuchEntityException`. */
export class NoSuchEntityException extends LocalizedException {}
