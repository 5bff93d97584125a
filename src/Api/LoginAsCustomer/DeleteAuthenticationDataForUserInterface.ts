/**
 * Magento's `DeleteAuthenticationDataForUserInterface`: ends every Login as Customer session of an admin
 * (what Magento's AdminLogoutPlugin and User/Rules plugins call). Here it also revokes the customer
 * tokens issued through those sessions and writes `ended` audit entries.
 */
export interface DeleteAuthenticationDataForUserInterface {
  execute(userId: number, reason?: string): Promise<void>;
}
