import { injectable } from 'inversify';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { __, type Phrase } from '../../Framework/Exception/Phrase.ts';

/** Magento's `Magento\Integration\Model\CredentialsValidator`: both credentials must be non-empty strings. */
@injectable()
export class CredentialsValidator {
  validate(username: unknown, password: unknown): void {
    const errors: Phrase[] = [];
    if (typeof username !== 'string' || username.length === 0) {
      errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'username' }));
    }
    if (typeof password !== 'string' || password.length === 0) {
      errors.push(__(InputException.REQUIRED_FIELD, { fieldName: 'password' }));
    }
    if (errors.length > 0) throw InputException.fromErrors(errors);
  }
}
