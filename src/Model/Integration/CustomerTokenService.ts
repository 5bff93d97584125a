import { inject, injectable } from 'inversify';
import type { AccountManagementInterface } from '../../Api/Customer/AccountManagementInterface.ts';
import type { CustomerTokenServiceInterface } from '../../Api/Integration/CustomerTokenServiceInterface.ts';
import type { UserTokenIssuerInterface } from '../../Api/Integration/UserTokenIssuerInterface.ts';
import type { UserTokenRevokerInterface } from '../../Api/Integration/UserTokenRevokerInterface.ts';
import { UserType } from '../../Framework/Authentication/UserContext.ts';
import { TYPES } from '../../Framework/Di/Types.ts';
import { AuthenticationException } from '../../Framework/Exception/AuthenticationException.ts';
import { InputException } from '../../Framework/Exception/InputException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';
import { NoSuchEntityException } from '../../Framework/Exception/NoSuchEntityException.ts';
import { __ } from '../../Framework/Exception/Phrase.ts';
import { EmailNotConfirmedException } from '../Customer/EmailNotConfirmedException.ts';
import { Customer as CustomerResource } from '../ResourceModel/Customer/Customer.ts';
import { ACCOUNT_SIGN_IN_FAILED } from '../User/AdminUserManagement.ts';
import { CredentialsValidator } from './CredentialsValidator.ts';
import { RequestThrottler } from './RequestThrottler.ts';

/**
 * Magento's `Magento\Integration\Model\CustomerTokenService` (2.4.4+). Every attempt is counted by the
 * throttler before the password is checked (or refused when the e-mail is locked); every authentication
 * failure but an unconfirmed e-mail is answered with the one sign-in message (the unconfirmed one is
 * passed on as is); a success resets the count.
 */
@injectable()
export class CustomerTokenService implements CustomerTokenServiceInterface {
  constructor(
    @inject(CredentialsValidator) private readonly validator: CredentialsValidator,
    @inject(RequestThrottler) private readonly throttler: RequestThrottler,
    @inject(TYPES.AccountManagement) private readonly accounts: AccountManagementInterface,
    @inject(CustomerResource) private readonly customers: CustomerResource,
    @inject(TYPES.UserTokenIssuer) private readonly issuer: UserTokenIssuerInterface,
    @inject(TYPES.UserTokenRevoker) private readonly revoker: UserTokenRevokerInterface,
  ) {}

  async createCustomerAccessToken(username: string, password: string): Promise<string> {
    this.validator.validate(username, password);
    // Counted under the e-mail a customer is stored under when the typed one reaches a customer (of any
    // website: Magento's key is the e-mail alone), so every spelling the lookup accepts shares one counter.
    const throttleName = (await this.customers.loadByEmail(username, null))?.email ?? username;
    await this.throttler.claimAttempt(throttleName, RequestThrottler.USER_TYPE_CUSTOMER);
    let customerId: number;
    try {
      customerId = (await this.accounts.authenticate(username, password)).id as number;
    } catch (error) {
      if (!(error instanceof LocalizedException)) throw error;
      if (error instanceof EmailNotConfirmedException) throw error;
      throw new AuthenticationException(__(ACCOUNT_SIGN_IN_FAILED), { cause: error });
    }
    await this.throttler.resetAuthenticationFailuresCount(throttleName, RequestThrottler.USER_TYPE_CUSTOMER);
    return this.issuer.create({ userId: customerId, userType: UserType.CUSTOMER });
  }

  /** Magento's message when the revoker fails: `Failed to revoke customer's access tokens`. */
  async revokeCustomerAccessToken(customerId: number): Promise<boolean> {
    if (!customerId) throw InputException.requiredField('customerId');
    if (!(await this.customers.loadById(customerId))) {
      throw new NoSuchEntityException(__('No such entity with %fieldName = %fieldValue', { fieldName: 'customerId', fieldValue: customerId }));
    }
    try {
      await this.revoker.revokeFor({ userId: customerId, userType: UserType.CUSTOMER });
    } catch (error) {
      if (error instanceof LocalizedException) throw new LocalizedException(__("Failed to revoke customer's access tokens"), { cause: error });
      throw error;
    }
    return true;
  }
}
