import { request as httpRequest } from 'node:http';

export interface RestResult {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  /** The parsed JSON body. */
  readonly json: unknown;
}

/** One HTTP call with fetch; the body is parsed as JSON when it is JSON. */
export async function call(baseUrl: string, method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RestResult> {
  const body = Buffer.isBuffer(init.body) ? new Uint8Array(init.body) : init.body;
  const response = await fetch(baseUrl + path, { method, headers: init.headers, body });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

/** A chunked upload (no Content-Length), which fetch cannot send from a Buffer. */
export function callChunked(baseUrl: string, method: string, path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<RestResult> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(baseUrl + path, { method, headers: { ...headers, 'transfer-encoding': 'chunked' } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (chunk: Buffer) => parts.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? null, text, json: JSON.parse(text) as unknown });
      });
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

export const JSON_TYPE = { 'content-type': 'application/json' };
