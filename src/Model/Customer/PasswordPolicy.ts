import type { ScopeConfigInterface } from '../../Framework/Config/ScopeConfigInterface.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';

/** `AccountManagement::MAX_PASSWORD_LENGTH`. */
const MAX_PASSWORD_LENGTH = 256;

/**
 * Magento's `AccountManagement::checkPasswordStrength` and the password ≠ e-mail rule, with its
 * messages: `customer/password/minimum_password_length` characters at least,
 * `customer/password/required_character_classes_number` classes of lower, upper, digit, other.
 */
export class PasswordPolicy {
  constructor(private readonly config: ScopeConfigInterface) {}

  /** `createAccount`'s order: strength first, then password ≠ e-mail. */
  async assertAcceptable(password: string, email: string | undefined): Promise<void> {
    await this.assertStrength(password);
    PasswordPolicy.assertDifferentFromEmail(password, email);
  }

  /** `changePassword` / `resetPassword` order: password ≠ e-mail (`CredentialsValidator`) first, then strength. */
  async assertAcceptableForChange(password: string, email: string | undefined): Promise<void> {
    PasswordPolicy.assertDifferentFromEmail(password, email);
    await this.assertStrength(password);
  }

  /** `AccountManagement::checkPasswordStrength`. */
  async assertStrength(password: string): Promise<void> {
    const length = [...password].length;
    if (length > MAX_PASSWORD_LENGTH) {
      throw new InputException(__('Please enter a password with at most %1 characters.', [MAX_PASSWORD_LENGTH]));
    }
    const minLength = await this.intConfig('customer/password/minimum_password_length');
    if (length < minLength) {
      throw new InputException(__('The password needs at least %1 characters. Create a new password and try again.', [minLength]));
    }
    if ([...password.trim()].length !== length) {
      throw new InputException(__("The password can't begin or end with a space. Verify the password and try again."));
    }
    const required = await this.intConfig('customer/password/required_character_classes_number');
    const classes = [/[0-9]/, /[A-Z]/, /[a-z]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
    if (classes < required) {
      throw new InputException(
        __(
          'Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.',
          [required],
        ),
      );
    }
  }

  /** `CredentialsValidator::checkPasswordDifferentFromEmail` (compared case-insensitively, as `strcasecmp`). */
  static assertDifferentFromEmail(password: string, email: string | undefined): void {
    if (email !== undefined && email.toLowerCase() === password.toLowerCase()) {
      throw new LocalizedException(__("The password can't be the same as the email address. Create a new password and try again."));
    }
  }

  private async intConfig(path: string): Promise<number> {
    const value = Number.parseInt((await this.config.getValue(path)) ?? '', 10);
    return Number.isFinite(value) ? value : 0;
  }
}
