import type { IncomingMessage } from 'node:http';
import { RequestBodyTooLargeError } from '../../Framework/Webapi/Rest/RestHttpRequest.ts';

/**
 * Reads a request body into memory, never more than `limit` bytes. A declared Content-Length over the limit is
 * refused without reading (Node discards the unread body after the response); a chunked body that grows past the
 * limit is drained and dropped, so the connection stays usable for the 413 answer.
 */
export function readRawBody(request: IncomingMessage & { body?: unknown }, limit: number): Promise<Buffer> {
  if (request.readableEnded) {
    if (Buffer.isBuffer(request.body)) return Promise.resolve(request.body);
    return Promise.reject(
      new Error('The request body was consumed before the REST router; mount createRestRouter before body parsers'),
    );
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new RequestBodyTooLargeError(limit));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      if (tooLarge) reject(new RequestBodyTooLargeError(limit));
      else resolve(Buffer.concat(chunks, size));
    });
    request.on('error', reject);
  });
}
