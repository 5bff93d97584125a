/**
 * Service contracts declare their methods' parameter names and types as data (TypeScript has no
 * runtime parameter names). The router, the input resolver, the output processor and the schema
 * generator all read these one declarations.
 *
 * A type reference is Magento's notation: a scalar (`string`, `int`, `float`, `bool`, `mixed`), a data
 * interface class name (`Magento\Customer\Api\Data\CustomerInterface`), or either followed by `[]`.
 */
export type ScalarType = 'string' | 'int' | 'float' | 'bool' | 'mixed';
export type TypeRef = string;

export interface ParameterDeclaration {
  /** camelCase, as Magento's PHP parameter name (`customerId`). */
  readonly name: string;
  readonly type: TypeRef;
  readonly required: boolean;
  readonly description?: string;
}

export interface MethodDeclaration {
  readonly parameters: readonly ParameterDeclaration[];
  /** `void` for none. */
  readonly returns: TypeRef;
  readonly description?: string;
}

export interface ServiceContract {
  /** Magento class name of the interface, e.g. `Magento\Customer\Api\CustomerRepositoryInterface`. */
  readonly name: string;
  readonly methods: Readonly<Record<string, MethodDeclaration>>;
}

export interface DataFieldDeclaration {
  /** snake_case, as it appears on the wire (`customer_id`). */
  readonly name: string;
  readonly type: TypeRef;
  readonly required?: boolean;
  readonly description?: string;
}

/** A data interface: data objects are plain objects with snake_case keys. */
export interface DataInterfaceDeclaration {
  readonly name: string;
  readonly fields: readonly DataFieldDeclaration[];
  readonly description?: string;
}

/** Every contract and data interface the application knows, handed to the engine at boot. */
export interface ContractRegistry {
  readonly services: ReadonlyMap<string, ServiceContract>;
  readonly dataTypes: ReadonlyMap<string, DataInterfaceDeclaration>;
}

export const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'int', 'float', 'bool', 'mixed', 'void']);

export function isArrayType(type: TypeRef): boolean {
  return type.endsWith('[]');
}

export function itemType(type: TypeRef): TypeRef {
  return type.endsWith('[]') ? type.slice(0, -2) : type;
}
