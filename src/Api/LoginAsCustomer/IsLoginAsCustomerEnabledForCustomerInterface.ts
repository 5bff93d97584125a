import type { Phrase } from '../../Framework/Exception/Phrase.ts';

/** Magento's `IsLoginAsCustomerEnabledForCustomerResultInterface`: enabled when no resolver objected. */
export interface IsLoginAsCustomerEnabledForCustomerResult {
  isEnabled(): boolean;
  /** Objections in resolver order (feature switch first, then the customer's opt-in). */
  getMessages(): readonly Phrase[];
}

/** Magento's `IsLoginAsCustomerEnabledForCustomerInterface` (the resolver chain of LoginAsCustomerApi). */
export interface IsLoginAsCustomerEnabledForCustomerInterface {
  execute(customerId: number): Promise<IsLoginAsCustomerEnabledForCustomerResult>;
}
