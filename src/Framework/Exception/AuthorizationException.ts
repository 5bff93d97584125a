import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\\Framework\\Exception\\AuthorizationException`. */
export class AuthorizationException extends LocalizedException {}
