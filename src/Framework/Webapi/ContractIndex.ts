import {
  SCALAR_TYPES,
  isArrayType,
  itemType,
  type ContractRegistry,
  type DataFieldDeclaration,
  type DataInterfaceDeclaration,
  type MethodDeclaration,
  type ServiceContract,
  type TypeRef,
} from './ServiceContract.ts';
import { SimpleDataObjectConverter } from './SimpleDataObjectConverter.ts';

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The ContractRegistry checked once and indexed for request-time lookups. Construction fails (at boot) when a
 * declaration names a type nobody declared, so a request can never meet an unknown type.
 */
export class ContractIndex {
  /** Per data interface: UpperCamelCase property → field, the way Magento finds a getter for an input key. */
  private readonly fieldsByProperty = new Map<string, ReadonlyMap<string, DataFieldDeclaration>>();

  constructor(readonly registry: ContractRegistry) {
    for (const [name, dataType] of registry.dataTypes) {
      const byProperty = new Map<string, DataFieldDeclaration>();
      for (const field of dataType.fields) {
        if (!FIELD_NAME.test(field.name)) {
          throw new Error(`Data interface ${name}: field "${field.name}" must be snake_case`);
        }
        this.assertType(field.type, `Data interface ${name}, field "${field.name}"`, false);
        byProperty.set(SimpleDataObjectConverter.snakeCaseToUpperCamelCase(field.name), field);
      }
      this.fieldsByProperty.set(name, byProperty);
    }
    for (const [name, service] of registry.services) {
      for (const [methodName, method] of Object.entries(service.methods)) {
        for (const parameter of method.parameters) {
          if (!PARAMETER_NAME.test(parameter.name)) {
            throw new Error(`Service ${name}::${methodName}: parameter "${parameter.name}" is not a valid name`);
          }
          this.assertType(parameter.type, `Service ${name}::${methodName}, parameter "${parameter.name}"`, false);
        }
        this.assertType(method.returns, `Service ${name}::${methodName}, return type`, true);
      }
    }
  }

  getService(className: string): ServiceContract | undefined {
    return this.registry.services.get(className);
  }

  getMethod(className: string, methodName: string): MethodDeclaration | undefined {
    const service = this.registry.services.get(className);
    return service && Object.hasOwn(service.methods, methodName) ? service.methods[methodName] : undefined;
  }

  getDataType(name: string): DataInterfaceDeclaration | undefined {
    return this.registry.dataTypes.get(name);
  }

  /** A declared data interface (not a scalar, not `mixed`), ignoring a trailing `[]`. */
  isDataType(type: TypeRef): boolean {
    return this.registry.dataTypes.has(itemType(type));
  }

  /**
   * The field an input key (or a dotted `<parameter>` segment) addresses: Magento turns the key into an
   * UpperCamelCase property (`customer_id` and `customerId` both give `CustomerId`) and looks for its getter.
   */
  findField(dataTypeName: string, key: string): DataFieldDeclaration | undefined {
    return this.fieldsByProperty.get(dataTypeName)?.get(SimpleDataObjectConverter.snakeCaseToUpperCamelCase(key));
  }

  private assertType(type: TypeRef, where: string, allowVoid: boolean): void {
    if (allowVoid && type === 'void') return;
    const item = itemType(type);
    if (isArrayType(item)) throw new Error(`${where}: nested array type "${type}" is not supported`);
    if (item === 'void' || (!SCALAR_TYPES.has(item) && !this.registry.dataTypes.has(item))) {
      throw new Error(`${where}: unknown type "${type}"`);
    }
  }
}
