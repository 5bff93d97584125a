import { InputException } from '../../Framework/Exception/InputException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import { isValidEmail } from './EmailAddress.ts';

/**
 * What Magento's customer resource model checks before a save, with its messages:
 *  - no e-mail: `The customer email is missing. Enter and try again.`;
 *  - then the attribute validator (`_validate`), whose messages Magento joins with newlines into one
 *    rendered message without parameters (`Magento\Framework\Validator\Exception`):
 *    `"First Name" is a required value.`, `"Last Name" is a required value.`,
 *    `"Email" is not a valid email address.`
 * The e-mail uniqueness check sits between the two (CustomerRepository).
 */
export class CustomerValidator {
  static assertEmailPresent(customer: CustomerData): void {
    if (typeof customer.email !== 'string' || customer.email.trim() === '') {
      throw new InputException(__('The customer email is missing. Enter and try again.'));
    }
  }

  static assertAttributes(customer: CustomerData): void {
    const messages: string[] = [];
    const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
    if (blank(customer.firstname)) messages.push(__('"%1" is a required value.', ['First Name']).render());
    if (blank(customer.lastname)) messages.push(__('"%1" is a required value.', ['Last Name']).render());
    if (!isValidEmail(String(customer.email ?? '').trim())) messages.push(__('"%1" is not a valid email address.', ['Email']).render());
    if (customer.dob !== undefined && customer.dob !== null && String(customer.dob) !== '' && !isDate(String(customer.dob))) {
      messages.push(__('"%1" does not fit the entered date format.', ['Date of Birth']).render());
    }
    if (messages.length > 0) throw new InputException(__(messages.join('\n')));
  }
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
