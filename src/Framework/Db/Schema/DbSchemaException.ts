/**
 * A db_schema.xml that cannot be used. Raised while reading, before any SQL runs, so boot stops
 * with the file, the element and the reason (STYLE rule 6).
 */
export class DbSchemaException extends Error {
  constructor(
    readonly file: string,
    /** Path to the element, e.g. `table "store" > column "code"`; empty for the whole file. */
    readonly element: string,
    readonly reason: string,
  ) {
    super(`${file}: ${element ? `${element}: ` : ''}${reason}`);
    this.name = new.target.name;
  }
}
