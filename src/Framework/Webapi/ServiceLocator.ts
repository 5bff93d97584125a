/**
 * Finds the object implementing a service contract by its Magento class name (the `class` of webapi.xml's
 * `<service>`). The app implements it with the DI container; the front controller is the only caller.
 */
export interface ServiceLocator {
  get(className: string): object;
}
