import { AuthenticationException } from './AuthenticationException.ts';

/** Magento's `Magento\Framework\Exception\InvalidEmailOrPasswordException` (an AuthenticationException, 401). */
export class InvalidEmailOrPasswordException extends AuthenticationException {}
