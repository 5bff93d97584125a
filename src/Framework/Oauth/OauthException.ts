import { AuthenticationException } from '../Exception/AuthenticationException.ts';

/** Magento's `Magento\Framework\Oauth\Exception`: an AuthenticationException, so the web API answers 401. */
export class OauthException extends AuthenticationException {}
