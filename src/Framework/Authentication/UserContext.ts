/** Magento's `Magento\Authorization\Model\UserContextInterface` user types. */
export enum UserType {
  INTEGRATION = 1,
  ADMIN = 2,
  CUSTOMER = 3,
  GUEST = 4,
}

export interface UserContext {
  readonly userId: number | null;
  readonly userType: UserType;
}

export const GUEST: UserContext = Object.freeze({ userId: null, userType: UserType.GUEST });

/** Turns the Authorization header into a caller; never throws for a bad token (the caller is a guest). */
export interface UserContextResolver {
  resolve(authorizationHeader: string | undefined): Promise<UserContext>;
}
