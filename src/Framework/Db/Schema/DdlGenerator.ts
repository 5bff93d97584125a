import type { SchemaTable } from './DbSchema.ts';

/** Turns one table declaration into the statements that create it on one dialect. */
export interface DdlGenerator {
  /**
   * Statements creating the table with its keys, indexes and triggers, in order, each run on its
   * own. Every one is `IF NOT EXISTS`, so a concurrent installer cannot make them fail.
   */
  createTable(table: SchemaTable, tablePrefix: string): string[];
}
