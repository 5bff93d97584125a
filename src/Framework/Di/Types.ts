/**
 * The one map of DI tokens. Each token is `Symbol.for('<Magento class name>')`, so a
 * `<service class="…">` in webapi.xml or a `<preference for="…">` in di.xml resolves to a token
 * without any lookup table: `Symbol.for(className)`.
 *
 * Sections are grouped by area; add a name in its section.
 */
const t = (name: string): symbol => Symbol.for(name);

export const TYPES = {
  // --- Framework -----------------------------------------------------------------------------
  ResourceConnection: t('Magento\\Framework\\App\\ResourceConnection'),
  DeploymentConfig: t('Magento\\Framework\\App\\DeploymentConfig'),
  ScopeConfig: t('Magento\\Framework\\App\\Config\\ScopeConfigInterface'),
  ConfigWriter: t('Magento\\Framework\\App\\Config\\Storage\\WriterInterface'),
  Clock: t('Magento\\Framework\\Stdlib\\DateTime\\DateTime'),
  Random: t('Magento\\Framework\\Math\\Random'),
  Logger: t('Psr\\Log\\LoggerInterface'),
  RequestContext: t('Magento\\Framework\\App\\RequestInterface'),
  Encryptor: t('Magento\\Framework\\Encryption\\EncryptorInterface'),
  CryptKey: t('Magento\\Framework\\Encryption\\CryptKey'),
  JwtCodec: t('Magento\\JwtUserToken\\Model\\JwtCodec'),
  ContractRegistry: t('Magento\\Framework\\Api\\ContractRegistry'),
  WebapiConfig: t('Magento\\Webapi\\Model\\Config'),
  AclResourceProvider: t('Magento\\Framework\\Acl\\AclResource\\ProviderInterface'),
  RequestAuthorizer: t('Magento\\Framework\\AuthorizationInterface'),
  UserContextResolver: t('Magento\\Authorization\\Model\\CompositeUserContext'),
  ErrorProcessor: t('Magento\\Framework\\Webapi\\ErrorProcessor'),
  FrontController: t('Magento\\Webapi\\Controller\\Rest'),
  SchemaInstaller: t('Magento\\Framework\\Setup\\Declaration\\Schema\\SchemaInstaller'),
  EventManager: t('Magento\\Framework\\Event\\ManagerInterface'),
  CustomerExtensionProviders: t('Magento\\Customer\\Api\\Data\\CustomerExtensionProviders'),

  // --- Store ---------------------------------------------------------------------------------
  StoreManager: t('Magento\\Store\\Model\\StoreManagerInterface'),
  StoreRepository: t('Magento\\Store\\Api\\StoreRepositoryInterface'),
  WebsiteRepository: t('Magento\\Store\\Api\\WebsiteRepositoryInterface'),

  // --- Identity: Integration, JWT, ACL roles -------------------------------------------------
  AdminTokenService: t('Magento\\Integration\\Api\\AdminTokenServiceInterface'),
  CustomerTokenService: t('Magento\\Integration\\Api\\CustomerTokenServiceInterface'),
  UserTokenIssuer: t('Magento\\Integration\\Api\\UserTokenIssuerInterface'),
  UserTokenReader: t('Magento\\Integration\\Api\\UserTokenReaderInterface'),
  UserTokenRevoker: t('Magento\\Integration\\Api\\UserTokenRevokerInterface'),
  RequestThrottler: t('Magento\\Integration\\Model\\Oauth\\Token\\RequestThrottler'),
  AdminUserResource: t('Magento\\User\\Model\\ResourceModel\\User'),
  AclRoleResource: t('Magento\\Authorization\\Model\\ResourceModel\\Rules'),
  AdminUserRepository: t('Magento\\User\\Api\\AdminUserRepositoryInterface'),
  UserTokenValidator: t('Magento\\Integration\\Api\\UserTokenValidatorInterface'),
  RevokeCurrentAdminTokens: t('Magento\\Integration\\Api\\RevokeCurrentAdminTokensInterface'),
  DemoSeeder: t('Lac\\Identity\\Model\\DemoSeeder'),

  // --- Customer ------------------------------------------------------------------------------
  CustomerRepository: t('Magento\\Customer\\Api\\CustomerRepositoryInterface'),
  AccountManagement: t('Magento\\Customer\\Api\\AccountManagementInterface'),
  CustomerResource: t('Magento\\Customer\\Model\\ResourceModel\\Customer'),
  CustomerMetadata: t('Magento\\Customer\\Api\\CustomerMetadataInterface'),
  AddressMetadata: t('Magento\\Customer\\Api\\AddressMetadataInterface'),

  // --- Login as Customer ---------------------------------------------------------------------
  LacConfig: t('Magento\\LoginAsCustomerApi\\Api\\ConfigInterface'),
  LacGenerateAuthenticationSecret: t('Magento\\LoginAsCustomerApi\\Api\\GenerateAuthenticationSecretInterface'),
  LacGetAuthenticationDataBySecret: t('Magento\\LoginAsCustomerApi\\Api\\GetAuthenticationDataBySecretInterface'),
  LacAuthenticateCustomerBySecret: t('Magento\\LoginAsCustomerApi\\Api\\AuthenticateCustomerBySecretInterface'),
  LacGenerateLoginCustomerToken: t('Magento\\LoginAsCustomerApi\\Api\\GenerateLoginCustomerTokenInterface'),
  LacGenerateOtp: t('Magento\\LoginAsCustomerApi\\Api\\GenerateOtpInterface'),
  LacIsEnabledForCustomer: t('Magento\\LoginAsCustomerApi\\Api\\IsLoginAsCustomerEnabledForCustomerInterface'),
  LacDeleteAuthenticationDataForUser: t('Magento\\LoginAsCustomerApi\\Api\\DeleteAuthenticationDataForUserInterface'),
  LacEndSessions: t('Magento\\LoginAsCustomerApi\\Api\\EndLoginAsCustomerSessionsInterface'),
  LacIsAssistanceEnabled: t('Magento\\LoginAsCustomerAssistance\\Api\\IsAssistanceEnabledInterface'),
  LacSetAssistance: t('Magento\\LoginAsCustomerAssistance\\Api\\SetAssistanceInterface'),
  LacAssistanceManagement: t('Magento\\LoginAsCustomerAssistance\\Api\\AssistanceManagementInterface'),
  LacGetLogsList: t('Magento\\LoginAsCustomerLog\\Api\\GetLogsListInterface'),
} as const;

export type TypeName = keyof typeof TYPES;
