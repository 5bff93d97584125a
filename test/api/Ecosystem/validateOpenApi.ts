import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenApiDocument } from '../../../src/Framework/Webapi/Schema/OpenApiDocument.ts';
import type { SwaggerDocument } from '../../../src/Framework/Webapi/Schema/SwaggerDocument.ts';

type ParserDocument = Awaited<ReturnType<typeof SwaggerParser.validate>>;

/**
 * Validates against the OpenAPI 3.0 or Swagger 2.0 JSON schema (whichever the document declares) plus the parser's
 * own checks (path parameters match the template, one body parameter, unique parameters), and resolves every
 * `$ref` (@apidevtools/swagger-parser); rejects with the parser's message. The parser dereferences in place, so it
 * gets a copy.
 */
export async function validateOpenApi(document: OpenApiDocument | SwaggerDocument): Promise<void> {
  await SwaggerParser.validate(structuredClone(document) as unknown as ParserDocument);
}
