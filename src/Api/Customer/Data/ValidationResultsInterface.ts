import type { DataInterfaceDeclaration } from '../../../Framework/Webapi/ServiceContract.ts';

/** Magento's `Magento\Customer\Api\Data\ValidationResultsInterface` on the wire (`isValid()` → `valid`). */
export interface ValidationResults {
  valid: boolean;
  messages: string[];
}

export const VALIDATION_RESULTS_INTERFACE = 'Magento\\Customer\\Api\\Data\\ValidationResultsInterface';

export const ValidationResultsInterfaceDeclaration: DataInterfaceDeclaration = {
  name: VALIDATION_RESULTS_INTERFACE,
  description: 'Validation results interface.',
  fields: [
    { name: 'valid', type: 'bool', required: true },
    { name: 'messages', type: 'string[]', required: true },
  ],
};
