import type { OpenApiDocument } from './OpenApiDocument.ts';

/**
 * Generated API descriptions by content key (store prefix + the exact routes described), least recently used
 * dropped first. Keys name what a document contains, never who asked for it, so two callers share an entry
 * only when they would be given the same document. The bound keeps caller-chosen `?services=` subsets and many
 * distinct roles from growing it without limit.
 */
export class SchemaCache<T = OpenApiDocument> {
  private readonly documents = new Map<string, T>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error(`SchemaCache size must be a positive integer (got ${maxEntries})`);
  }

  get size(): number {
    return this.documents.size;
  }

  getOrCreate(key: string, create: () => T): T {
    const cached = this.documents.get(key);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.documents.delete(key);
      this.documents.set(key, cached);
      return cached;
    }
    const document = create();
    this.documents.set(key, document);
    if (this.documents.size > this.maxEntries) {
      const oldest = this.documents.keys().next();
      if (oldest.done !== true) this.documents.delete(oldest.value);
    }
    return document;
  }
}
