import type { ModuleDescriptor } from '../../Framework/App/ModuleDescriptor.ts';
import { AccountManagementContract } from '../../Api/Customer/AccountManagementInterface.ts';
import { CustomerRepositoryContract } from '../../Api/Customer/CustomerRepositoryInterface.ts';
import {
  AddressInterfaceDeclaration,
  AttributeInterfaceDeclaration,
  CustomerExtensionInterfaceDeclaration,
  CustomerInterfaceDeclaration,
} from '../../Api/Customer/Data/CustomerInterface.ts';
import { CustomerSearchResultsInterfaceDeclaration } from '../../Api/Customer/Data/CustomerSearchResultsInterface.ts';
import {
  AttributeMetadataInterfaceDeclaration,
  OptionInterfaceDeclaration,
  ValidationRuleInterfaceDeclaration,
} from '../../Api/Customer/Data/AttributeMetadataInterface.ts';
import { ValidationResultsInterfaceDeclaration } from '../../Api/Customer/Data/ValidationResultsInterface.ts';
import { AddressMetadataContract, CustomerMetadataContract } from '../../Api/Customer/MetadataInterface.ts';
import { EmailNotification } from '../Customer/EmailNotification.ts';
import { AddressMetadata } from '../Customer/Metadata/AddressMetadata.ts';
import { AttributeMetadataProvider } from '../Customer/Metadata/AttributeMetadataProvider.ts';
import { CustomerMetadata } from '../Customer/Metadata/CustomerMetadata.ts';
import { PasswordResetRequestEvent } from '../ResourceModel/Security/PasswordResetRequestEvent.ts';
import { SecurityManager } from '../Security/SecurityManager.ts';
import { AdminTokenServiceContract } from '../../Api/Integration/AdminTokenServiceInterface.ts';
import { CustomerTokenServiceContract } from '../../Api/Integration/CustomerTokenServiceInterface.ts';
import { RevokeCurrentAdminTokensContract } from '../../Api/Integration/RevokeCurrentAdminTokensInterface.ts';
import { AclBuilder } from '../Authorization/AclBuilder.ts';
import { Authorization } from '../Authorization/Authorization.ts';
import { RoleManagement } from '../Authorization/RoleManagement.ts';
import { AccountManagement } from '../Customer/AccountManagement.ts';
import { CustomerRepository } from '../Customer/CustomerRepository.ts';
import { AdminTokenService } from '../Integration/AdminTokenService.ts';
import { CredentialsValidator } from '../Integration/CredentialsValidator.ts';
import { CustomerTokenService } from '../Integration/CustomerTokenService.ts';
import { JwtUserTokenIssuer } from '../Integration/JwtUserTokenIssuer.ts';
import { RequestThrottler } from '../Integration/RequestThrottler.ts';
import { RevokeCurrentAdminTokens } from '../Integration/RevokeCurrentAdminTokens.ts';
import { TokenUserContext } from '../Integration/TokenUserContext.ts';
import { UserTokenReader } from '../Integration/UserTokenReader.ts';
import { UserTokenRevoker } from '../Integration/UserTokenRevoker.ts';
import { UserTokenValidator } from '../Integration/UserTokenValidator.ts';
import { InitializeAuthRolesPatch } from '../ResourceModel/Authorization/InitializeAuthRolesPatch.ts';
import { Role } from '../ResourceModel/Authorization/Role.ts';
import { Rules } from '../ResourceModel/Authorization/Rules.ts';
import { Customer } from '../ResourceModel/Customer/Customer.ts';
import { OauthToken } from '../ResourceModel/Integration/OauthToken.ts';
import { RequestLog } from '../ResourceModel/Integration/RequestLog.ts';
import { RevokedToken } from '../ResourceModel/Integration/RevokedToken.ts';
import { TokenSubject } from '../ResourceModel/Integration/TokenSubject.ts';
import { AdminUser } from '../ResourceModel/User/AdminUser.ts';
import { AdminUserManagement } from '../User/AdminUserManagement.ts';
import { AdminUserRepository } from '../User/AdminUserRepository.ts';
import { CompositeUserContext } from '../Integration/Oauth/CompositeUserContext.ts';
import { ConfigBasedIntegrationManager } from '../Integration/Oauth/ConfigBasedIntegrationManager.ts';
import { IntegrationAuthorizationService } from '../Integration/Oauth/IntegrationAuthorizationService.ts';
import { IntegrationOauth } from '../Integration/Oauth/IntegrationOauth.ts';
import { IntegrationService } from '../Integration/Oauth/IntegrationService.ts';
import { NonceGenerator } from '../Integration/Oauth/NonceGenerator.ts';
import { OauthHelper } from '../Integration/Oauth/OauthHelper.ts';
import { OauthUserContext } from '../Integration/Oauth/OauthUserContext.ts';
import { TokenProvider } from '../Integration/Oauth/TokenProvider.ts';
import { IntegrationResource } from '../ResourceModel/Integration/IntegrationResource.ts';
import { IntegrationRoleResource } from '../ResourceModel/Integration/IntegrationRoleResource.ts';
import { OauthConsumerResource } from '../ResourceModel/Integration/OauthConsumerResource.ts';
import { OauthNonce } from '../ResourceModel/Integration/OauthNonce.ts';
import { DemoSeeder } from './DemoSeeder.ts';

/**
 * Identity: Magento_Integration (admin/customer tokens, throttling), Magento_JwtUserToken (JWT issue,
 * read, revoke), Magento_Webapi's token user context, Magento_Authorization (ACL roles and rules,
 * `anonymous`/`self`), Magento_User (admin users) and Magento_Customer (customers). Interface →
 * class preferences are in etc/di.xml.
 */
export const IdentityModule: ModuleDescriptor = {
  name: 'Identity',
  classes: [
    // Integration / JwtUserToken / Webapi
    ['Magento\\Integration\\Model\\AdminTokenService', AdminTokenService],
    ['Magento\\Integration\\Model\\CustomerTokenService', CustomerTokenService],
    ['Magento\\Integration\\Model\\RevokeCurrentAdminTokens', RevokeCurrentAdminTokens],
    ['Magento\\Integration\\Model\\CredentialsValidator', CredentialsValidator],
    ['Magento\\Integration\\Model\\Oauth\\Token\\RequestThrottler', RequestThrottler],
    ['Magento\\Integration\\Model\\CompositeTokenReader', UserTokenReader],
    ['Magento\\Integration\\Model\\CompositeUserTokenValidator', UserTokenValidator],
    ['Magento\\JwtUserToken\\Model\\Issuer', JwtUserTokenIssuer],
    ['Magento\\JwtUserToken\\Model\\Revoker', UserTokenRevoker],
    ['Magento\\Webapi\\Model\\Authorization\\TokenUserContext', TokenUserContext],
    ['Magento\\Integration\\Model\\ResourceModel\\Oauth\\Token\\RequestLog', RequestLog],
    ['Magento\\Integration\\Model\\ResourceModel\\Oauth\\Token', OauthToken],
    ['Magento\\JwtUserToken\\Model\\ResourceModel\\RevokedRepository', RevokedToken],
    ['Magento\\Integration\\Model\\ResourceModel\\TokenSubject', TokenSubject],
    // Authorization
    ['Magento\\Framework\\Authorization', Authorization],
    ['Magento\\Framework\\Acl\\Builder', AclBuilder],
    ['Magento\\Authorization\\Model\\RoleManagement', RoleManagement],
    ['Magento\\Authorization\\Model\\ResourceModel\\Role', Role],
    ['Magento\\Authorization\\Model\\ResourceModel\\Rules', Rules],
    // User
    ['Magento\\User\\Model\\ResourceModel\\User', AdminUser],
    ['Magento\\User\\Model\\AdminUserRepository', AdminUserRepository],
    ['Magento\\User\\Model\\AdminUserManagement', AdminUserManagement],
    // Customer
    ['Magento\\Customer\\Model\\ResourceModel\\Customer', Customer],
    ['Magento\\Customer\\Model\\ResourceModel\\CustomerRepository', CustomerRepository],
    ['Magento\\Customer\\Model\\AccountManagement', AccountManagement],
    // Integrations and OAuth 1.0a (Magento_Integration, Magento_Webapi's OauthUserContext, Framework\Oauth)
    ['Magento\\Authorization\\Model\\CompositeUserContext\\Webapi', CompositeUserContext],
    ['Magento\\Webapi\\Model\\Authorization\\OauthUserContext', OauthUserContext],
    ['Magento\\Framework\\Oauth\\Oauth', IntegrationOauth],
    ['Magento\\Framework\\Oauth\\Helper\\Oauth', OauthHelper],
    ['Magento\\Integration\\Model\\Oauth\\Token\\Provider', TokenProvider],
    ['Magento\\Integration\\Model\\Oauth\\Nonce\\Generator', NonceGenerator],
    ['Magento\\Integration\\Model\\IntegrationService', IntegrationService],
    ['Magento\\Integration\\Model\\AuthorizationService', IntegrationAuthorizationService],
    ['Magento\\Integration\\Model\\ConfigBasedIntegrationManager', ConfigBasedIntegrationManager],
    ['Magento\\Integration\\Model\\ResourceModel\\Integration', IntegrationResource],
    ['Magento\\Integration\\Model\\ResourceModel\\Oauth\\Consumer', OauthConsumerResource],
    ['Magento\\Integration\\Model\\ResourceModel\\Oauth\\Nonce', OauthNonce],
    ['Magento\\Integration\\Model\\ResourceModel\\IntegrationRole', IntegrationRoleResource],
    ['Magento\\Customer\\Model\\EmailNotification', EmailNotification],
    ['Magento\\Customer\\Model\\Metadata\\CustomerMetadata', CustomerMetadata],
    ['Magento\\Customer\\Model\\Metadata\\AddressMetadata', AddressMetadata],
    ['Magento\\Customer\\Model\\Metadata\\AttributeMetadataConverter', AttributeMetadataProvider],
    ['Magento\\Security\\Model\\SecurityManager', SecurityManager],
    ['Magento\\Security\\Model\\ResourceModel\\PasswordResetRequestEvent', PasswordResetRequestEvent],
    // Embedded first start
    ['Lac\\Identity\\Model\\DemoSeeder', DemoSeeder],
  ],
  contracts: [
    AdminTokenServiceContract,
    CustomerTokenServiceContract,
    RevokeCurrentAdminTokensContract,
    CustomerRepositoryContract,
    AccountManagementContract,
    CustomerMetadataContract,
    AddressMetadataContract,
  ],
  dataTypes: [
    CustomerInterfaceDeclaration,
    CustomerExtensionInterfaceDeclaration,
    AddressInterfaceDeclaration,
    AttributeInterfaceDeclaration,
    CustomerSearchResultsInterfaceDeclaration,
    ValidationResultsInterfaceDeclaration,
    AttributeMetadataInterfaceDeclaration,
    ValidationRuleInterfaceDeclaration,
    OptionInterfaceDeclaration,
  ],
  dataPatches: [new InitializeAuthRolesPatch()],
};
