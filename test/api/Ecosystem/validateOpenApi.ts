import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenApiDocument } from '../../../src/Framework/Webapi/Schema/OpenApiDocument.ts';

type ParserDocument = Awaited<ReturnType<typeof SwaggerParser.validate>>;

/**
 * Validates against the OpenAPI 3.0 JSON schema and resolves every `$ref` (@apidevtools/swagger-parser); rejects
 * with the parser's message. The parser dereferences in place, so it gets a copy.
 */
export async function validateOpenApi(document: OpenApiDocument): Promise<void> {
  await SwaggerParser.validate(structuredClone(document) as unknown as ParserDocument);
}
