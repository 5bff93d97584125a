import assert from 'node:assert/strict';

export interface Reply {
  readonly status: number;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: unknown;
  readonly text: string;
}

export interface CallOptions {
  readonly token?: string;
  /** JSON-encoded with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Sent as is, with whatever Content-Type `headers` give. */
  readonly rawBody?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Longest any one answer may take before the test calls it a hang. Far above every timeout the service
 * has for a reachable or refused database (connect 5 s); a liveness bound, not a speed measurement.
 */
export const HANG_LIMIT_MS = 15_000;

/** One HTTP call to 127.0.0.1; a request that never answers fails the test instead of stalling it. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined) body = typeof options.rawBody === 'string' ? options.rawBody : new Blob([new Uint8Array(options.rawBody)]);
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(HANG_LIMIT_MS) });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new Error(`${method} ${path} got no answer within ${HANG_LIMIT_MS} ms (hang)`, { cause: error });
    }
    throw error;
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, text };
}

/** Magento's masked answer to an unexpected error (`ErrorProcessor::INTERNAL_SERVER_ERROR_MSG` with its report id). */
export const MASKED_MESSAGE = /^Internal Error\. Details are available in Magento log file\. Report ID: webapi-[0-9a-f]{13}$/;

/**
 * Text that must never reach a client: stack frames, source paths, driver and engine error codes. (SQL
 * keywords are not on the list: Magento's type errors quote the caller's own value, whatever it holds.)
 */
const LEAK = /\bat [\w.<>]+ \(|\.ts:\d+|node_modules|\bER_[A-Z_]+|SQLITE_|ECONNREFUSED|ECONNRESET|PROTOCOL_|mysql2|libsql|TypeError|ReferenceError|RangeError|SyntaxError/;

/**
 * A Magento error body: a JSON object whose `message` is a string, with only `parameters` and `errors`
 * beside it (no `trace` outside developer mode), no message that looks like a stack or a driver message
 * (parameters may echo the caller's own input, as Magento's do), and for 5xx exactly the masked message.
 */
export function assertMagentoError(reply: Reply, context: string): void {
  assert.ok(reply.status >= 400 && reply.status < 600, `${context}: status ${reply.status} is not an error`);
  assert.ok(typeof reply.body === 'object' && reply.body !== null && !Array.isArray(reply.body), `${context}: ${reply.status} body is not a JSON object: ${reply.text.slice(0, 200)}`);
  const body = reply.body as Record<string, unknown>;
  assert.equal(typeof body.message, 'string', `${context}: no message: ${reply.text.slice(0, 200)}`);
  for (const key of Object.keys(body)) {
    assert.ok(['message', 'parameters', 'errors'].includes(key), `${context}: unexpected key "${key}" in ${reply.text.slice(0, 200)}`);
  }
  const messages = [body.message, ...(Array.isArray(body.errors) ? body.errors.map((e: unknown) => (e as { message?: unknown }).message) : [])];
  for (const message of messages) {
    assert.equal(typeof message, 'string', `${context}: an error without a message: ${reply.text.slice(0, 200)}`);
    assert.doesNotMatch(message as string, LEAK, `${context}: internals leak: ${reply.text.slice(0, 300)}`);
  }
  if (reply.status >= 500) assert.doesNotMatch(reply.text, LEAK, `${context}: internals leak: ${reply.text.slice(0, 300)}`);
  if (reply.status >= 500) assert.match(body.message as string, MASKED_MESSAGE, `${context}: 5xx not masked: ${reply.text.slice(0, 200)}`);
}
