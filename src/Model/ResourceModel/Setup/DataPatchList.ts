import type { DataPatch } from '../../../Framework/Db/Schema/DataPatch.ts';
import { DefaultStoresPatch } from './DefaultStoresPatch.ts';

/**
 * Every data patch, in the order they run after the schema is installed. Append new patches here;
 * a patch may rely on the rows of the ones before it.
 */
export function dataPatchList(): DataPatch[] {
  return [new DefaultStoresPatch()];
}
