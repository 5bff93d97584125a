/** The HTTP request as the REST front controller needs it, independent of the web framework serving it. */
export interface RestHttpRequest {
  /** As received (`GET`, `PATCH` …). */
  readonly method: string;
  /** Raw path below `/rest`, without the query string (`/default/V1/customers/me`). */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly queryString: string;
  readonly ip: string;
  /** The request came over HTTPS (directly or through a trusted proxy). */
  readonly secure: boolean;
  /** The raw request URI as received, mount prefix and query included (`/rest/V1/customers?x=1`); default `/rest` + path + query. */
  readonly requestUri?: string;
  header(name: string): string | undefined;
  /** Reads the whole body; rejects with RequestBodyTooLargeError beyond `limit` bytes. */
  readBody: (limit: number) => Promise<Buffer>;
}

export interface RestHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Raised by `RestHttpRequest.readBody` when the body exceeds the limit. */
export class RequestBodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = new.target.name;
  }
}
