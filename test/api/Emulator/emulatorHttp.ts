import assert from 'node:assert/strict';
import type { Emulator } from '../../../src/index.ts';

/** One request to a running emulator (`path` from the root, e.g. `/rest/V1/…`); the body parsed when it is JSON. */
export async function call(emu: Emulator, method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body };
}

/** An admin or customer access token, asserting the sign-in worked. */
export async function token(emu: Emulator, kind: 'admin' | 'customer', username: string, password: string): Promise<string> {
  const reply = await call(emu, 'POST', `/rest/V1/integration/${kind}/token`, { body: { username, password } });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body as string;
}
