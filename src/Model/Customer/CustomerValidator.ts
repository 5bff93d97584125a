import { InputException } from '../../Framework/Exception/InputException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import type { CustomerData } from '../../Api/Customer/Data/CustomerInterface.ts';
import { customerEntityBounds } from './CustomerEntityBounds.ts';
import { isValidEmail } from './EmailAddress.ts';
import { ATTRIBUTE_DEFINITIONS } from './Metadata/AttributeDefinitions.ts';

/** Text fields a save writes to `customer_entity` besides the names and the e-mail, in Magento's attribute order. */
const OTHER_TEXT_FIELDS = ['prefix', 'middlename', 'suffix', 'taxvat', 'confirmation'] as const;

/** Magento's Name validator: the fields it checks and its messages. */
const NAME_FIELDS = [
  ['firstname', 'First Name is not valid!'],
  ['lastname', 'Last Name is not valid!'],
  ['middlename', 'Middle Name is not valid!'],
] as const;

/**
 * The characters Magento's `Pattern\NameValidator` allows (letters, marks, digits, whitespace and `,-_.'’`&`),
 * 1 to 255 of them. This is its strict form (the one with `system/security_pattern` on): the lenient default only
 * rejects a value that contains allowed characters as well as others, a quirk not worth copying.
 */
const NAME_PATTERN = /^[\p{L}\p{M}\p{Nd}\s,\-_.'’`&]{1,255}$/u;

/** `customer_eav_attribute_option` values of `gender` in every Magento install: 1 Male, 2 Female, 3 Not Specified. */
const GENDER_OPTIONS: ReadonlySet<number> = new Set([1, 2, 3]);

/**
 * What Magento's customer resource model checks before a save, with its messages:
 *  - no e-mail: `The customer email is missing. Enter and try again.`;
 *  - then the validators of the `customer` entity (`_validate`), whose messages Magento joins with newlines into
 *    one rendered message without parameters (`Magento\Framework\Validator\Exception`), in this order:
 *    the EAV attribute data validator — `"First Name" is a required value.`, `"Last Name" is a required value.`,
 *    `"Email" is not a valid email address.`, `"Date of Birth" does not fit the entered date format.` and
 *    `"%1" length must be equal or less than %2 characters.` —, the Name validator (`First Name is not valid!`,
 *    `Last Name is not valid!`, `Middle Name is not valid!`) and the gender check Magento makes on its GraphQL
 *    path (`"%1" is not a valid gender value.`; 0 counts as "not set", as there), and 2.4.8's Dob validator
 *    (`The Date of Birth should not be greater than today.`).
 * The e-mail uniqueness check sits between the two (CustomerRepository).
 *
 * Lengths and labels come from `customer_entity` in etc/db_schema.xml (its comments are Magento's attribute
 * labels), so every text a save writes fits its column: Magento itself runs MySQL with `SQL_MODE=''` and would
 * cut an over-long prefix silently; here it is refused before any SQL.
 */
export class CustomerValidator {
  static assertEmailPresent(customer: CustomerData): void {
    if (typeof customer.email !== 'string' || customer.email.trim() === '') {
      throw new InputException(__('The customer email is missing. Enter and try again.'));
    }
  }

  /** `now` (ms): the Dob validator refuses a date of birth after today; without it that check is skipped. */
  static assertAttributes(customer: CustomerData, now?: number): void {
    const messages = CustomerValidator.attributeMessages(customer, now);
    if (messages.length > 0) throw new InputException(__(messages.join('\n')));
  }

  /**
   * What `AccountManagement::validate` (PUT /V1/customers/validate) reports in 2.4.7: only the EAV backend validator
   * runs, so each required customer attribute (AttributeDefinitions) that is absent, null or '' gives
   * `The "%1" attribute value is empty. Set the attribute and try again.` in attribute order (Magento's
   * api-functional AccountManagementTest::testValidateCustomerData); formats and names are checked on save.
   */
  static validationMessages(customer: CustomerData): string[] {
    const values = customer as Record<string, unknown>;
    return ATTRIBUTE_DEFINITIONS.customer
      .filter((definition) => definition.required)
      .filter((definition) => values[definition.code] === undefined || values[definition.code] === null || values[definition.code] === '')
      .map((definition) => __('The "%1" attribute value is empty. Set the attribute and try again.', [definition.label]).render());
  }

  private static attributeMessages(customer: CustomerData, now?: number): string[] {
    const bounds = customerEntityBounds();
    const messages: string[] = [];
    const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
    const required = (label: string): string => __('"%1" is a required value.', [label]).render();
    const checkLength = (field: (typeof OTHER_TEXT_FIELDS)[number] | 'firstname' | 'lastname'): void => {
      const value = customer[field];
      if (value === undefined || value === null || bounds.fitsLength(field, String(value))) return;
      const { label, maxLength } = bounds.get(field);
      messages.push(__('"%1" length must be equal or less than %2 characters.', [label, maxLength]).render());
    };

    if (blank(customer.firstname)) messages.push(required('First Name'));
    else checkLength('firstname');
    if (blank(customer.lastname)) messages.push(required('Last Name'));
    else checkLength('lastname');
    // isValidEmail caps the address at 254 characters, inside the column's 255.
    if (!isValidEmail(String(customer.email ?? '').trim())) messages.push(__('"%1" is not a valid email address.', ['Email']).render());
    const dob = customer.dob === undefined || customer.dob === null ? '' : String(customer.dob);
    if (dob !== '' && !isDate(dob)) {
      messages.push(__('"%1" does not fit the entered date format.', ['Date of Birth']).render());
    }
    for (const field of OTHER_TEXT_FIELDS) checkLength(field);

    for (const [field, message] of NAME_FIELDS) {
      const value = customer[field];
      if (typeof value === 'string' && value.trim() !== '' && !NAME_PATTERN.test(value.trim())) messages.push(message);
    }

    // Magento 2.4.8's Validator\Dob: the day of birth must have begun (in the store's time zone there; UTC here).
    if (now !== undefined && dob !== '' && isDate(dob) && Date.parse(`${dob.slice(0, 10)}T00:00:00Z`) > now) {
      messages.push('The Date of Birth should not be greater than today.');
    }

    const gender = customer.gender;
    if (gender !== undefined && gender !== null && gender !== 0 && !GENDER_OPTIONS.has(Number(gender))) {
      messages.push(__('"%1" is not a valid gender value.', [gender]).render());
    }
    return messages;
  }

  /**
   * Integer fields written as given (the group; the store and website are looked up instead): beyond the
   * column's range Magento's `Invalid value of "%value" provided for the %fieldName field.` (400).
   */
  static assertGroupId(groupId: number | null | undefined): void {
    if (groupId === undefined || groupId === null || customerEntityBounds().fitsRange('group_id', groupId)) return;
    throw InputException.invalidFieldValue('group_id', groupId);
  }
}

/** `YYYY-MM-DD` (a time part may follow), a real calendar day in years 1000–9999, the range of a MySQL DATE. */
function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(value);
  if (!m || Number(m[1]) < 1000) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
