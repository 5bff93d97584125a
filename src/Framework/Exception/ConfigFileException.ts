/**
 * A declarative file (webapi.xml, acl.xml, …) that cannot be used: boot fails with the file, the element
 * and the reason, so the operator knows exactly what to fix.
 */
export class ConfigFileException extends Error {
  constructor(
    readonly file: string,
    readonly element: string,
    readonly reason: string,
  ) {
    super(`${file}: ${element}: ${reason}`);
    this.name = new.target.name;
  }
}
