import type { ModuleDescriptor } from '../../Framework/App/ModuleDescriptor.ts';
import { EVENTS } from '../../Framework/Event/EventManager.ts';
import { AssistanceManagementContract } from '../../Api/LoginAsCustomer/AssistanceManagementInterface.ts';
import { AuthenticateCustomerBySecretContract } from '../../Api/LoginAsCustomer/AuthenticateCustomerBySecretInterface.ts';
import { AuthenticationDataDeclaration } from '../../Api/LoginAsCustomer/Data/AuthenticationDataInterface.ts';
import { AuthenticationSecretDeclaration } from '../../Api/LoginAsCustomer/Data/AuthenticationSecretInterface.ts';
import { LogDeclaration } from '../../Api/LoginAsCustomer/Data/LogInterface.ts';
import { LogSearchResultsDeclaration } from '../../Api/LoginAsCustomer/Data/LogSearchResultsInterface.ts';
import { OtpDeclaration } from '../../Api/LoginAsCustomer/Data/OtpInterface.ts';
import { EndLoginAsCustomerSessionsContract } from '../../Api/LoginAsCustomer/EndLoginAsCustomerSessionsInterface.ts';
import { GenerateAuthenticationSecretContract } from '../../Api/LoginAsCustomer/GenerateAuthenticationSecretInterface.ts';
import { GenerateLoginCustomerTokenContract } from '../../Api/LoginAsCustomer/GenerateLoginCustomerTokenInterface.ts';
import { GenerateOtpContract } from '../../Api/LoginAsCustomer/GenerateOtpInterface.ts';
import { GetAuthenticationDataBySecretContract } from '../../Api/LoginAsCustomer/GetAuthenticationDataBySecretInterface.ts';
import { GetLogsListContract } from '../../Api/LoginAsCustomer/GetLogsListInterface.ts';
import { AssistanceAllowedResource } from '../ResourceModel/LoginAsCustomer/AssistanceAllowedResource.ts';
import { AuditLogResource } from '../ResourceModel/LoginAsCustomer/AuditLogResource.ts';
import { AuthenticationDataResource } from '../ResourceModel/LoginAsCustomer/AuthenticationDataResource.ts';
import { ConsumedSecretResource } from '../ResourceModel/LoginAsCustomer/ConsumedSecretResource.ts';
import { MagentoLogResource } from '../ResourceModel/LoginAsCustomer/MagentoLogResource.ts';
import { ActingAdminResolver } from './ActingAdminResolver.ts';
import { AssistanceAllowedExtensionProvider } from './AssistanceAllowedExtensionProvider.ts';
import { AssistanceManagement } from './AssistanceManagement.ts';
import { AuditLogger } from './AuditLogger.ts';
import { AuthenticateCustomerBySecret } from './AuthenticateCustomerBySecret.ts';
import { AuthenticationSecretCodec } from './AuthenticationSecretCodec.ts';
import { AuthenticationSecretValidator } from './AuthenticationSecretValidator.ts';
import { Config } from './Config.ts';
import { DeleteAuthenticationDataForUser } from './DeleteAuthenticationDataForUser.ts';
import { EndLoginAsCustomerSessions } from './EndLoginAsCustomerSessions.ts';
import { GenerateAuthenticationSecret } from './GenerateAuthenticationSecret.ts';
import { GenerateLoginCustomerToken } from './GenerateLoginCustomerToken.ts';
import { GenerateOtp } from './GenerateOtp.ts';
import { GetAuthenticationDataBySecret } from './GetAuthenticationDataBySecret.ts';
import { GetLogsList } from './GetLogsList.ts';
import { IsAssistanceEnabled } from './IsAssistanceEnabled.ts';
import { IsLoginAsCustomerEnabledForCustomer } from './IsLoginAsCustomerEnabledForCustomer.ts';
import { LoginStoreResolver } from './LoginStoreResolver.ts';
import { AdminTokensRevokedObserver } from './Observer/AdminTokensRevokedObserver.ts';
import { CleanHistory } from './Cron/CleanHistory.ts';
import { SecretRefusal } from './SecretRefusal.ts';
import { SetAssistance } from './SetAssistance.ts';

const ASSISTANCE_EXTENSION = 'Magento\\LoginAsCustomerAssistance\\Model\\CustomerExtensionProvider';
const ADMIN_TOKENS_REVOKED_OBSERVER = 'Magento\\LoginAsCustomer\\Observer\\AdminTokensRevokedObserver';

/**
 * Login as Customer over REST: Magento's LoginAsCustomer, LoginAsCustomerApi, LoginAsCustomerAssistance
 * and LoginAsCustomerLog modules as far as REST needs them. Interface → class bindings are in etc/di.xml.
 */
export const LoginAsCustomerModule: ModuleDescriptor = {
  name: 'LoginAsCustomer',
  classes: [
    ['Magento\\LoginAsCustomer\\Model\\Config', Config],
    ['Magento\\LoginAsCustomer\\Model\\AuthenticationSecretCodec', AuthenticationSecretCodec],
    ['Magento\\LoginAsCustomer\\Model\\AuthenticationSecretValidator', AuthenticationSecretValidator],
    ['Magento\\LoginAsCustomer\\Model\\ActingAdminResolver', ActingAdminResolver],
    ['Magento\\LoginAsCustomer\\Model\\LoginStoreResolver', LoginStoreResolver],
    ['Magento\\LoginAsCustomer\\Model\\SecretRefusal', SecretRefusal],
    ['Magento\\LoginAsCustomer\\Model\\GenerateAuthenticationSecret', GenerateAuthenticationSecret],
    ['Magento\\LoginAsCustomer\\Model\\GetAuthenticationDataBySecret', GetAuthenticationDataBySecret],
    ['Magento\\LoginAsCustomer\\Model\\AuthenticateCustomerBySecret', AuthenticateCustomerBySecret],
    ['Magento\\LoginAsCustomerApi\\Model\\GenerateLoginCustomerToken', GenerateLoginCustomerToken],
    ['Magento\\LoginAsCustomer\\Model\\GenerateOtp', GenerateOtp],
    ['Magento\\LoginAsCustomerApi\\Model\\IsLoginAsCustomerEnabledForCustomerChain', IsLoginAsCustomerEnabledForCustomer],
    ['Magento\\LoginAsCustomer\\Model\\DeleteAuthenticationDataForUser', DeleteAuthenticationDataForUser],
    ['Magento\\LoginAsCustomer\\Model\\EndLoginAsCustomerSessions', EndLoginAsCustomerSessions],
    ['Magento\\LoginAsCustomerAssistance\\Model\\IsAssistanceEnabled', IsAssistanceEnabled],
    ['Magento\\LoginAsCustomerAssistance\\Model\\SetAssistance', SetAssistance],
    ['Magento\\LoginAsCustomerAssistance\\Model\\AssistanceManagement', AssistanceManagement],
    [ASSISTANCE_EXTENSION, AssistanceAllowedExtensionProvider],
    ['Magento\\LoginAsCustomerLog\\Model\\AuditLogger', AuditLogger],
    ['Magento\\LoginAsCustomerLog\\Model\\GetLogsList', GetLogsList],
    [ADMIN_TOKENS_REVOKED_OBSERVER, AdminTokensRevokedObserver],
    ['Magento\\LoginAsCustomer\\Model\\ResourceModel\\AuthenticationData', AuthenticationDataResource],
    ['Magento\\LoginAsCustomer\\Model\\ResourceModel\\ConsumedSecret', ConsumedSecretResource],
    ['Magento\\LoginAsCustomerAssistance\\Model\\ResourceModel\\AssistanceAllowed', AssistanceAllowedResource],
    ['Magento\\LoginAsCustomerLog\\Model\\ResourceModel\\AuditLog', AuditLogResource],
    ['Magento\\LoginAsCustomerLog\\Model\\ResourceModel\\SaveLogs', MagentoLogResource],
    ['Magento\\LoginAsCustomer\\Cron\\CleanHistory', CleanHistory],
  ],
  contracts: [
    GenerateAuthenticationSecretContract,
    GetAuthenticationDataBySecretContract,
    AuthenticateCustomerBySecretContract,
    GenerateLoginCustomerTokenContract,
    GenerateOtpContract,
    AssistanceManagementContract,
    EndLoginAsCustomerSessionsContract,
    GetLogsListContract,
  ],
  dataTypes: [
    AuthenticationDataDeclaration,
    AuthenticationSecretDeclaration,
    OtpDeclaration,
    LogDeclaration,
    LogSearchResultsDeclaration,
  ],
  observers: [[EVENTS.ADMIN_TOKENS_REVOKED, ADMIN_TOKENS_REVOKED_OBSERVER]],
  customerExtensions: [ASSISTANCE_EXTENSION],
};
