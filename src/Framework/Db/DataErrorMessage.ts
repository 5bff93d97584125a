import { redactDriverMessage } from './DriverMessage.ts';
import type { BoundValue } from './SqlParameters.ts';

/**
 * The column a driver's data error names: MySQL writes `for column 'name' at row 1`, MariaDB
 * `` for column `db`.`table`.`name` at row 1 ``.
 */
export function dataErrorColumn(message: string): string | undefined {
  return /for column (?:[`'"]?[^`'".\s]+[`'"]?\.)*[`'"]?([^`'".\s]+)[`'"]?/.exec(message)?.[1];
}

/**
 * The value a data error quotes (`Incorrect integer value: 'abc' for column …`), with the statement's string
 * parameters masked as in every driver message, and at most 64 characters.
 */
export function dataErrorValue(message: string, params: readonly BoundValue[]): string | undefined {
  const quoted = /value: '((?:[^'\\]|\\.)*)'/.exec(message)?.[1];
  return quoted === undefined ? undefined : [...redactDriverMessage(quoted, params)].slice(0, 64).join('');
}
