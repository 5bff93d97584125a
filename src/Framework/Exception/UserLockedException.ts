import { LocalizedException } from './LocalizedException.ts';

/** Magento's `Magento\Framework\Exception\State\UserLockedException`: a LocalizedException, so a 400 over REST. */
export class UserLockedException extends LocalizedException {}
