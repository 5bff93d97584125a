import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';

/**
 * Magento's `Magento\Framework\Exception\EmailNotConfirmedException` (an AuthenticationException):
 * the customer token service passes it on instead of its generic sign-in message.
 */
export class EmailNotConfirmedException extends AuthenticationException {}
