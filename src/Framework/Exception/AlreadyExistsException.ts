import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\\Framework\\Exception\\AlreadyExistsException`. */
export class AlreadyExistsException extends LocalizedException {}
