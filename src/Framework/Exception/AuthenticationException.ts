import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\\Framework\\Exception\\AuthenticationException`. */
export class AuthenticationException extends LocalizedException {}
