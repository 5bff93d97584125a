/**
 * No input gives a 5xx: bounds everywhere (issue 9, item 4). The invariant, stated once:
 *
 *   no generated request gets a 5xx; every 4xx answer is a Magento error body (`message` a string, optional
 *   `parameters`, `errors`), with no driver or SQL text in it; a refused request changes no row of the accounts
 *   the test owns (customer_entity, login_as_customer*, magento_login_as_customer_log, jwt_auth_revoked; the audit
 *   log may only gain `failure` entries), nor creates the customer it asked for; and validation comes first: no
 *   answer is the database boundary's last-resort refusal (InvalidValueException).
 *
 * A refused Login as Customer generation is audited with the customer, store and admin ids asked for; an id no
 * audit column can hold is recorded as unknown (AuditLogResource), so the caller gets the real refusal.
 *
 * The generators start from a valid request of each route and change it: a field set to a hostile value (numbers
 * JSON.stringify cannot write — `1e400`, `-0`, 20 digits —, integers beyond every column, NaN-ish and numeric
 * strings, long and unicode strings, booleans, null, arrays, objects, deep nesting), unknown keys, fields removed,
 * or the whole body replaced. searchCriteria query strings get hostile page sizes, pages, fields, condition types
 * and directions. Set INPUT_BOUNDS_SEED to replay a run.
 *
 * The example tests pin each case that answered 5xx (or wrote a wrong row) before the bounds were added.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { SetAssistanceInterface } from '../../src/Api/LoginAsCustomer/SetAssistanceInterface.ts';
import type { ConnectionInterface, Row, SqlValue } from '../../src/Framework/Db/ConnectionInterface.ts';
import { SQL_MODE } from '../../src/Framework/Db/MysqlConnection.ts';
import { TYPES } from '../../src/Framework/Di/Types.ts';
import { InputException } from '../../src/Framework/Exception/InputException.ts';
import { InvalidValueException } from '../../src/Framework/Exception/InvalidValueException.ts';
import { SerializationException } from '../../src/Framework/Exception/SerializationException.ts';
import { TypeProcessor } from '../../src/Framework/Webapi/TypeProcessor.ts';
import { buildSearchCriteriaSql } from '../../src/Framework/Db/SearchCriteriaQuery.ts';
import { createAdmin, createCustomer } from '../integration/Identity/factories.ts';
import { createTestApplication, type TestApplication, type TestResponse } from '../support/app.ts';
import { forEachDatabase, uniqueSuffix } from '../support/databases.ts';

const SEED = process.env.INPUT_BOUNDS_SEED ? Number(process.env.INPUT_BOUNDS_SEED) : undefined;
const ADMIN_PASSWORD = 'Admin123!';
const CUSTOMER_PASSWORD = 'Customer#2024';

const typeError = (value: string, type = 'int'): string =>
  `The "${value}" value's type is invalid. The "${type}" type was expected. Verify and try again.`;
const INVALID_FIELD_VALUE = 'Invalid value of "%value" provided for the %fieldName field.';
const CUSTOMER_GONE = 'Customer with this ID no longer exists.';
const NO_SUCH_ENTITY = 'No such entity with %fieldName = %fieldValue';

// ---------------------------------------------------------------------------------------------------------------
// JSON written by hand, so bodies can hold numbers JSON.stringify cannot write, and objects any keys.

/** A JSON number token written as is (`1e400`, `-0`, `99999999999999999999`). */
class RawNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A JSON object as its entries: `__proto__` and duplicate keys stay plain data. */
class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, Json]>) {}
  get(key: string): Json | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }
  with(key: string, value: Json | undefined): JsonObject {
    const rest = this.entries.filter(([k]) => k !== key);
    return new JsonObject(value === undefined ? rest : [...rest, [key, value]]);
  }
  toString(): string {
    return toJson(this);
  }
}

type Json = RawNumber | JsonObject | string | number | boolean | null | Json[];

function toJson(value: Json): string {
  if (value instanceof RawNumber) return value.text;
  if (value instanceof JsonObject) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return JSON.stringify(value);
}

function obj(record: Record<string, Json | undefined>): JsonObject {
  return new JsonObject(Object.entries(record).filter((e): e is [string, Json] => e[1] !== undefined));
}

/** The body with `path` set (or removed, for undefined); missing objects on the way are created. */
function setPath(body: JsonObject, path: readonly string[], value: Json | undefined): JsonObject {
  const [head, ...rest] = path;
  if (head === undefined) return body;
  if (rest.length === 0) return body.with(head, value);
  const inner = body.get(head);
  return body.with(head, setPath(inner instanceof JsonObject ? inner : new JsonObject([]), rest, value));
}

// ---------------------------------------------------------------------------------------------------------------
// Generators.

const EDGE_NUMBERS = [
  '1e400', '-1e400', '1E308', '1e20', '1e-400', '-0', '0', '-1', '1.5', '-1.5', '0.5', '65535', '65536', '99999',
  '2147483647', '2147483648', '-2147483649', '4294967295', '4294967296', '9007199254740991', '9007199254740992',
  '9007199254740993', '18446744073709551616', '99999999999999999999', '123456789012345678901234567890',
];
const NUMERIC_STRINGS = [
  '1e400', '-0', ' 7 ', '+5', '.5', '5.', '0x1A', '1_000', '1e', 'e1', '--1', '٣', 'NaN', 'nan', 'Infinity',
  '-Infinity', 'INF', 'null', 'true', '4294967296', '99999999999999999999', '9007199254740993', '-1', '1.5',
];
const ODD_STRINGS = [
  '', ' ', '\u0000', '\u202e', '💥', '\ud800', 'Ωmega', "O'Connor", 'a&b', "' OR '1'='1", '1; DROP TABLE admin_user; --',
  '%', '_', '<script>alert(1)</script>', '__proto__', 'constructor', 'me',
];

const rawNumber: fc.Arbitrary<Json> = fc
  .oneof(
    fc.constantFrom(...EDGE_NUMBERS),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  )
  .map((text) => new RawNumber(text));

/** Strings about a column's length (40, 50, 64, 255 …), in 1-, 2- and 4-byte characters. */
const lengthEdge: fc.Arbitrary<string> = fc
  .record({ length: fc.constantFrom(39, 40, 41, 49, 50, 51, 63, 64, 65, 254, 255, 256, 300, 5000), char: fc.constantFrom('a', 'é', '💥', ' ', '7') })
  .map(({ length, char }) => char.repeat(length));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMERIC_STRINGS, ...ODD_STRINGS),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  lengthEdge,
);

const key: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'customerId', 'customer_id', 'store_id', 'extension_attributes', ''),
  fc.string({ maxLength: 12 }),
);

const scalar: fc.Arbitrary<Json> = fc.oneof(rawNumber, fc.integer(), fc.boolean(), fc.constant(null), hostileString);

const { value: nested } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }).map((entries) => new JsonObject(entries)),
  ),
}));

/** Arrays or objects nested up to 300 deep. */
const deep: fc.Arbitrary<Json> = fc.record({ depth: fc.integer({ min: 2, max: 300 }), asArray: fc.boolean() }).map(({ depth, asArray }) => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : new JsonObject([['a', value]]);
  return value;
});

/** The values most likely to find a missing bound, drawn more often than random ones. */
const edgeScalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS).map((text): Json => new RawNumber(text)),
  fc.constantFrom(...NUMERIC_STRINGS, ...ODD_STRINGS),
  lengthEdge,
);

const anyValue: fc.Arbitrary<Json> = fc.oneof({ weight: 5, arbitrary: edgeScalar }, { weight: 4, arbitrary: nested }, { weight: 1, arbitrary: deep });

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as any client would send it). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** A path segment for `:customerId`: edge numbers, numeric and odd strings, sometimes the real id. */
function segment(realId: () => number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...EDGE_NUMBERS, ...NUMERIC_STRINGS.filter((s) => s !== '')),
    fc.string({ minLength: 1, maxLength: 20 }),
    lengthEdge,
    fc.constant('REAL').map(() => String(realId())),
  );
}

type Mutation =
  | { readonly kind: 'set'; readonly path: readonly string[]; readonly value: Json }
  | { readonly kind: 'remove'; readonly path: readonly string[] }
  | { readonly kind: 'unknown'; readonly path: readonly string[]; readonly value: Json }
  | { readonly kind: 'replace'; readonly value: Json };

function mutations(fields: ReadonlyArray<readonly string[]>): fc.Arbitrary<Mutation[]> {
  const field = fc.constantFrom(...fields);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('set' as const), path: field, value: anyValue }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), path: field }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ kind: fc.constant('unknown' as const), parent: field, name: key, value: anyValue })
        .map(({ kind, parent, name, value }) => ({ kind, path: [...parent.slice(0, -1), name], value })),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: anyValue }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

/** The body as text: each mutation applied in turn; after a `replace` the body is no longer an object. */
function mutate(base: JsonObject, changes: readonly Mutation[]): string {
  let body: Json = base;
  for (const change of changes) {
    if (change.kind === 'replace') body = change.value;
    else if (body instanceof JsonObject) body = setPath(body, change.path, change.kind === 'remove' ? undefined : change.value);
  }
  return toJson(body);
}

/** A searchCriteria query string: hostile pages, fields, values, condition types and directions. */
function searchQuery(fields: readonly string[]): fc.Arbitrary<string> {
  const text = fc.oneof(fc.constantFrom(...EDGE_NUMBERS, ...NUMERIC_STRINGS, ...ODD_STRINGS), fc.string({ maxLength: 16 }), lengthEdge);
  const fieldName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: text });
  const condition = fc.oneof(
    fc.constantFrom('eq', 'neq', 'like', 'nlike', 'in', 'nin', 'gt', 'gteq', 'lt', 'lteq', 'moreq', 'from', 'to', 'null', 'notnull', 'finset', 'nfinset', 'EQ'),
    text,
  );
  const pair = (name: string, value: string): string => `${name}=${encode(value)}`;
  const filter = fc
    .record({ group: fc.constantFrom('0', '1', '99999', '-1', 'x'), index: fc.constantFrom('0', '1', ''), field: fieldName, value: text, condition: fc.option(condition) })
    .map(({ group, index, field, value, condition: c }) => {
      const at = `searchCriteria[filter_groups][${group}][filters][${index}]`;
      return [pair(`${at}[field]`, field), pair(`${at}[value]`, value), ...(c === null ? [] : [pair(`${at}[condition_type]`, c)])].join('&');
    });
  const sort = fc
    .record({ field: fieldName, direction: fc.oneof(fc.constantFrom('ASC', 'DESC', 'asc', 'up'), text) })
    .map(({ field, direction }) => `${pair('searchCriteria[sortOrders][0][field]', field)}&${pair('searchCriteria[sortOrders][0][direction]', direction)}`);
  const page = fc
    .record({ name: fc.constantFrom('pageSize', 'currentPage', 'page_size', 'current_page'), value: text })
    .map(({ name, value }) => pair(`searchCriteria[${name}]`, value));
  const odd = fc.oneof(
    fc.constantFrom('searchCriteria=x', 'searchCriteria[]=1', 'searchCriteria[filter_groups]=x', 'searchCriteria[filter_groups][0][filters]=1', 'searchCriteria[sortOrders][0]=x'),
    fc.record({ name: fc.string({ maxLength: 10 }), value: text }).map(({ name, value }) => pair(`searchCriteria[${encode(name)}]`, value)),
  );
  return fc.array(fc.oneof({ weight: 3, arbitrary: filter }, { weight: 1, arbitrary: sort }, { weight: 3, arbitrary: page }, { weight: 1, arbitrary: odd }), {
    minLength: 1,
    maxLength: 4,
  }).map((parts) => parts.join('&'));
}

const CUSTOMER_FIELDS: ReadonlyArray<readonly string[]> = [
  'id', 'group_id', 'default_billing', 'confirmation', 'created_in', 'dob', 'email', 'firstname', 'lastname', 'middlename', 'prefix',
  'suffix', 'gender', 'store_id', 'taxvat', 'website_id', 'addresses', 'disable_auto_group_change', 'custom_attributes',
].map((name) => ['customer', name]);
const CUSTOMER_EXTENSION_FIELDS: ReadonlyArray<readonly string[]> = [
  ['customer', 'extension_attributes', 'assistance_allowed'],
  ['customer', 'extension_attributes', 'is_subscribed'],
];
const CUSTOMER_SEARCH_FIELDS = ['id', 'entity_id', 'email', 'firstname', 'lastname', 'group_id', 'store_id', 'website_id', 'created_at', 'dob', 'gender', 'taxvat'];
const LOG_SEARCH_FIELDS = ['log_id', 'time', 'event', 'operation', 'outcome', 'user_id', 'user_name', 'customer_id', 'customer_email', 'store_id', 'reason'];

// ---------------------------------------------------------------------------------------------------------------
// Checks.

/** A 4xx answer is Magento's error body; no answer is a 5xx. */
function assertMagentoAnswer(reply: TestResponse, label: string): void {
  assert.ok(reply.status < 500, `${label} → ${reply.status} ${JSON.stringify(reply.body)}`);
  if (reply.status < 400) return;
  const body = reply.body as Record<string, unknown>;
  assert.ok(body !== null && typeof body === 'object' && !Array.isArray(body), `${label}: error body is an object: ${JSON.stringify(reply.body)}`);
  assert.equal(typeof body.message, 'string', `${label}: message`);
  for (const name of Object.keys(body)) assert.ok(['message', 'parameters', 'errors'].includes(name), `${label}: unexpected key ${name}`);
  if ('parameters' in body) assert.ok(typeof body.parameters === 'object' && body.parameters !== null, `${label}: parameters`);
  if ('errors' in body) {
    assert.ok(Array.isArray(body.errors), `${label}: errors`);
    for (const error of body.errors as unknown[]) assert.equal(typeof (error as { message?: unknown }).message, 'string');
  }
  // Driver codes and our own DB messages never reach a client (the caller's own value may be quoted, so SQL
  // keywords are not checked).
  assert.doesNotMatch(JSON.stringify(body), /SQLITE_[A-Z]|\bER_[A-Z_]{4,}|Database error|sql_mode|SQL parameter/, label);
}

/**
 * The app's connection, recording every value the database boundary refused, so a test can tell a validated
 * refusal from a last-resort one.
 */
function recordingConnection(db: ConnectionInterface, refused: InvalidValueException[]): ConnectionInterface {
  return new Proxy(db, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]): unknown => {
        const result: unknown = (member as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          if (error instanceof InvalidValueException) refused.push(error);
          throw error;
        });
      };
    },
  });
}

interface Owned {
  readonly customerId: number;
  readonly adminId: number;
}

/** The rows of the test's own accounts, except the audit log. */
async function snapshot(db: ConnectionInterface, owned: Owned): Promise<string> {
  const rows = async (table: string, where: string, params: readonly SqlValue[], order: string): Promise<Row[]> =>
    db.fetchAll(`SELECT * FROM ${db.getTableName(table)} WHERE ${where} ORDER BY ${order}`, params);
  const c = owned.customerId;
  return JSON.stringify({
    customer: await rows('customer_entity', 'entity_id = ?', [c], 'entity_id'),
    sessions: await rows('login_as_customer', 'customer_id = ? OR admin_id = ?', [c, owned.adminId], 'secret'),
    optIn: await rows('login_as_customer_assistance_allowed', 'customer_id = ?', [c], 'customer_id'),
    consumed: await rows('login_as_customer_consumed_secret', 'customer_id = ? OR admin_id = ?', [c, owned.adminId], 'secret_hash'),
    magentoLog: await rows('magento_login_as_customer_log', 'customer_id = ? OR user_id = ?', [c, owned.adminId], 'log_id'),
    revoked: await rows(
      'jwt_auth_revoked',
      '(user_type_id = 3 AND user_id = ?) OR (user_type_id = 2 AND user_id = ?)',
      [c, owned.adminId],
      'user_type_id, user_id',
    ),
  });
}

async function auditRows(db: ConnectionInterface, owned: Owned): Promise<Row[]> {
  return db.fetchAll(
    `SELECT * FROM ${db.getTableName('login_as_customer_audit_log')} WHERE customer_id = ? OR user_id = ? ORDER BY log_id`,
    [owned.customerId, owned.adminId],
  );
}

/** Runs one request; when it is refused, nothing of the owned accounts changed (the audit log only grew by failures). */
async function checkedRequest(
  app: TestApplication,
  db: ConnectionInterface,
  owned: Owned,
  refused: InvalidValueException[],
  request: { method: string; path: string; token?: string | undefined; body?: string; label: string },
): Promise<TestResponse> {
  const before = await snapshot(db, owned);
  const auditBefore = await auditRows(db, owned);
  refused.length = 0;
  const reply = await app.request(request.method, request.path, {
    ...(request.token !== undefined ? { token: request.token } : {}),
    ...(request.body !== undefined ? { rawBody: request.body, headers: { 'Content-Type': 'application/json' } } : {}),
  });
  assertMagentoAnswer(reply, request.label);
  for (const error of refused) assert.fail(`${request.label}: refused by the database (column ${error.column}), not by validation`);
  if (reply.status >= 400) {
    assert.equal(await snapshot(db, owned), before, `${request.label}: a refused request changed the owned rows`);
    const auditAfter = await auditRows(db, owned);
    assert.deepEqual(auditAfter.slice(0, auditBefore.length), auditBefore, `${request.label}: audit entries changed`);
    for (const added of auditAfter.slice(auditBefore.length)) assert.equal(added.outcome, 'failure', `${request.label}: a refused request logged a success`);
  }
  return reply;
}

const runs = (numRuns: number): { numRuns: number; seed?: number } => ({ numRuns: process.env.IB_DEBUG ? 1 : numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

// ---------------------------------------------------------------------------------------------------------------

describe('Input bounds: the type processor', () => {
  const rejects = (value: unknown, type: string, shown: string): void => {
    assert.throws(
      () => TypeProcessor.processSimpleAndAnyType(value, type),
      (error: unknown) => error instanceof SerializationException && error.message === typeError(shown, type),
    );
  };

  it('an int is what PHP settype gives, inside the exact integer range of a JavaScript number', () => {
    assert.equal(TypeProcessor.processSimpleAndAnyType(' 12 ', 'int'), 12);
    assert.equal(TypeProcessor.processSimpleAndAnyType('12.9', 'int'), 12);
    assert.equal(TypeProcessor.processSimpleAndAnyType('1e3', 'int'), 1000);
    assert.ok(Object.is(TypeProcessor.processSimpleAndAnyType('-0', 'int'), 0));
    assert.equal(TypeProcessor.processSimpleAndAnyType('9007199254740991', 'int'), Number.MAX_SAFE_INTEGER);
    assert.equal(TypeProcessor.processSimpleAndAnyType('-9007199254740991', 'int'), Number.MIN_SAFE_INTEGER);
    assert.equal(TypeProcessor.processSimpleAndAnyType(4294967296, 'int'), 4294967296);
  });

  it('non-finite and out-of-range integers are the type error, as strings and as JSON numbers', () => {
    rejects('1e400', 'int', '1e400');
    rejects('-1e400', 'int', '-1e400');
    rejects(Number.POSITIVE_INFINITY, 'int', 'INF');
    rejects('9007199254740992', 'int', '9007199254740992');
    rejects('99999999999999999999', 'int', '99999999999999999999');
    rejects(1e21, 'int', '1.0E+21');
    rejects(['1e400'], 'int[]', '1e400');
    rejects('1e400', 'float', '1e400');
    rejects('NaN', 'int', 'NaN');
  });

  it('searchCriteria pages reach SQL only as exact integers', () => {
    assert.throws(
      () => buildSearchCriteriaSql({ page_size: Number.POSITIVE_INFINITY }, {}),
      (error: unknown) => error instanceof InputException && error.getRawMessage() === INVALID_FIELD_VALUE,
    );
    assert.throws(() => buildSearchCriteriaSql({ current_page: 1.5 }, {}), InputException);
    assert.equal(buildSearchCriteriaSql({ page_size: -5 }, {}).pageSize, 1);
    assert.equal(buildSearchCriteriaSql({ page_size: 0 }, {}).pageSize, undefined);
    assert.equal(buildSearchCriteriaSql({ current_page: -5 }, {}).currentPage, 1);
  });
});

forEachDatabase('Input bounds', (getDb, { platform }) => {
  let app: TestApplication;
  let adminToken: string;
  let customerToken: string;
  let owned: Owned;
  let customerEmail: string;
  const refused: InvalidValueException[] = [];

  before(async () => {
    app = await createTestApplication(recordingConnection(getDb(), refused), { config: { 'login_as_customer/general/enabled': '1' } });
    const admin = await createAdmin(getDb());
    const customer = await createCustomer(getDb());
    owned = { customerId: customer.customerId, adminId: admin.userId };
    customerEmail = customer.email;
    await app.application.container.get<SetAssistanceInterface>(TYPES.LacSetAssistance).execute(customer.customerId, true);
    const adminReply = await app.request('POST', '/rest/V1/integration/admin/token', { body: { username: admin.username, password: ADMIN_PASSWORD } });
    const customerReply = await app.request('POST', '/rest/V1/integration/customer/token', { body: { username: customer.email, password: CUSTOMER_PASSWORD } });
    assert.equal(adminReply.status, 200);
    assert.equal(customerReply.status, 200);
    adminToken = String(adminReply.body);
    customerToken = String(customerReply.body);
  });
  after(() => app.close());

  const raw = (method: string, path: string, body: string, token?: string): Promise<TestResponse> =>
    app.request(method, `/rest/V1${path}`, { rawBody: body, headers: { 'Content-Type': 'application/json' }, ...(token !== undefined ? { token } : {}) });

  // ----- examples: each answered 5xx (or wrote a clamped / wrong row) before ---------------------------------

  it('an int beyond the exact range is the type error on every route that takes an id', async () => {
    const typeReply = (value: string): unknown => ({ message: typeError(value) });
    assert.deepEqual((await raw('POST', '/login-as-customer/secret', '{"customerId":"1e400"}', adminToken)).body, typeReply('1e400'));
    const secret = await raw('POST', '/login-as-customer/secret', '{"customerId":1e400}', adminToken);
    assert.deepEqual([secret.status, secret.body], [400, typeReply('INF')]);
    for (const value of ['1e400', '99999999999999999999', '9007199254740993']) {
      const get = await app.request('GET', `/rest/V1/customers/${value}`, { token: adminToken });
      assert.deepEqual([get.status, get.body], [400, typeReply(value)], `GET /V1/customers/${value}`);
      const otp = await raw('POST', `/customer/${value}/otp`, '{}', adminToken);
      assert.deepEqual([otp.status, otp.body], [400, typeReply(value)], `otp ${value}`);
      const assistance = await raw('PUT', `/login-as-customer/assistance/${value}`, '{"isAllowed":true}', adminToken);
      assert.deepEqual([assistance.status, assistance.body], [400, typeReply(value)], `assistance ${value}`);
      const revoke = await app.request('DELETE', `/rest/V1/integration/customer/${value}/tokens`, { token: adminToken });
      assert.deepEqual([revoke.status, revoke.body], [400, typeReply(value)], `revoke ${value}`);
    }
  });

  it('ids inside the int range but outside every row are not found, not database errors', async () => {
    for (const id of [-1, 4294967296]) {
      const get = await app.request('GET', `/rest/V1/customers/${id}`, { token: adminToken });
      assert.deepEqual([get.status, get.body], [404, { message: NO_SUCH_ENTITY, parameters: { fieldName: 'customerId', fieldValue: id } }]);
      const assistance = await raw('PUT', `/login-as-customer/assistance/${id}`, '{"isAllowed":true}', adminToken);
      assert.deepEqual([assistance.status, assistance.body], [404, { message: NO_SUCH_ENTITY, parameters: { fieldName: 'customerId', fieldValue: id } }]);
      // Generating audits the refusal with the id asked for; one the audit column cannot hold is recorded as unknown.
      for (const reply of [await raw('POST', '/login-as-customer/secret', JSON.stringify({ customerId: id }), adminToken), await raw('POST', `/customer/${id}/otp`, '{}', adminToken)]) {
        assertMagentoAnswer(reply, `generate for ${id}`);
        assert.deepEqual([reply.status, reply.body], [404, { message: CUSTOMER_GONE }]);
      }
    }
  });

  it('a store id no store has (5 digits, negative, beyond smallint) in a refused generation is a 400, never a 5xx', async () => {
    const notOptedIn = await createCustomer(getDb());
    for (const storeId of [99999, -1, 4294967296]) {
      const reply = await raw('POST', '/login-as-customer/secret', JSON.stringify({ customerId: notOptedIn.customerId, storeId }), adminToken);
      assertMagentoAnswer(reply, `storeId ${storeId}`);
      assert.equal(reply.status, 400);
      assert.deepEqual(reply.body, { message: 'Login as Customer assistance is disabled for this Customer.' });
    }
  });

  it('searchCriteria pageSize and currentPage: type errors beyond the int range, Magento\'s maximum of 300, negative sizes give one row', async () => {
    const wrapped = (field: string, value: string): unknown => ({ message: `Error occurred during "${field}" processing. ${typeError(value)}` });
    for (const route of ['/customers/search', '/login-as-customer/log']) {
      for (const value of ['1e400', '99999999999999999999']) {
        const size = await app.request('GET', `/rest/V1${route}?searchCriteria[pageSize]=${value}`, { token: adminToken });
        assert.deepEqual([size.status, size.body], [400, wrapped('pageSize', value)], `${route} pageSize ${value}`);
        const page = await app.request('GET', `/rest/V1${route}?searchCriteria[pageSize]=5&searchCriteria[currentPage]=${value}`, { token: adminToken });
        assert.deepEqual([page.status, page.body], [400, wrapped('currentPage', value)], `${route} currentPage ${value}`);
      }
      const tooMany = await app.request('GET', `/rest/V1${route}?searchCriteria[pageSize]=301`, { token: adminToken });
      assert.deepEqual([tooMany.status, tooMany.body], [400, { message: 'Maximum SearchCriteria pageSize is %max', parameters: { max: 300 } }]);
      const most = await app.request('GET', `/rest/V1${route}?searchCriteria[pageSize]=300`, { token: adminToken });
      assert.equal(most.status, 200);
    }
    for (let i = 0; i < 2; i++) await createCustomer(getDb());
    const negative = await app.request('GET', '/rest/V1/customers/search?searchCriteria[pageSize]=-1', { token: adminToken });
    assert.equal(negative.status, 200);
    assert.equal((negative.body as { items: unknown[] }).items.length, 1);
  });

  it('POST /V1/customers: over-long names and texts, invalid names and genders are Magento\'s validator messages, before any SQL', async () => {
    const create = async (customer: Record<string, unknown>, token?: string): Promise<TestResponse> => {
      const email = `ib_${uniqueSuffix()}@example.com`;
      refused.length = 0;
      const reply = await app.request('POST', '/rest/V1/customers', { body: { customer: { email, firstname: 'Ann', lastname: 'Lee', ...customer } }, ...(token ? { token } : {}) });
      assert.deepEqual(refused, [], 'validated before any SQL');
      if (reply.status >= 400) {
        assert.equal(await getDb().fetchOne(`SELECT COUNT(*) FROM ${getDb().getTableName('customer_entity')} WHERE email = ?`, [email]), 0);
      }
      return reply;
    };
    const refuses = async (customer: Record<string, unknown>, message: string, token?: string): Promise<void> => {
      const reply = await create(customer, token);
      assert.deepEqual([reply.status, reply.body], [400, { message }], JSON.stringify(customer).slice(0, 80));
    };
    await refuses({ firstname: 'a'.repeat(300) }, '"First Name" length must be equal or less than 255 characters.\nFirst Name is not valid!');
    await refuses({ lastname: 'é'.repeat(256) }, '"Last Name" length must be equal or less than 255 characters.\nLast Name is not valid!');
    await refuses({ prefix: 'p'.repeat(41) }, '"Name Prefix" length must be equal or less than 40 characters.');
    await refuses({ suffix: '💥'.repeat(41) }, '"Name Suffix" length must be equal or less than 40 characters.');
    await refuses({ middlename: 'm'.repeat(256) }, '"Middle Name/Initial" length must be equal or less than 255 characters.\nMiddle Name is not valid!');
    await refuses({ taxvat: 't'.repeat(51) }, '"Tax/VAT Number" length must be equal or less than 50 characters.');
    await refuses({ firstname: 'Robert<script>' }, 'First Name is not valid!');
    await refuses({ firstname: '💥', lastname: 'a;b' }, 'First Name is not valid!\nLast Name is not valid!');
    await refuses({ gender: 99999 }, '"99999" is not a valid gender value.');
    await refuses({ gender: -1 }, '"-1" is not a valid gender value.');
    const groupId = await create({ group_id: 70000 }, adminToken);
    assert.deepEqual([groupId.status, groupId.body], [400, { message: INVALID_FIELD_VALUE, parameters: { fieldName: 'group_id', value: 70000 } }]);
    // Inside the bounds: Magento's own characters and lengths pass, and 0 is "no gender" as in Magento.
    const fine = await create({ firstname: `O'Connor-Åsa ${'é'.repeat(200)}`, prefix: 'p'.repeat(40), taxvat: '7'.repeat(50), gender: 0 });
    assert.equal(fine.status, 200, JSON.stringify(fine.body));
    assert.equal((fine.body as { gender?: number }).gender, 0);
    const female = await create({ gender: 2 });
    assert.equal((female.body as { gender?: number }).gender, 2);
  });

  it('PUT /V1/customers/me: an out-of-range gender or an over-long confirmation is refused and the row is unchanged', async () => {
    const before = await snapshot(getDb(), owned);
    for (const [customer, message] of [
      [{ gender: 99999 }, '"99999" is not a valid gender value.'],
      [{ confirmation: 'c'.repeat(65) }, '"Is Confirmed" length must be equal or less than 64 characters.'],
      [{ firstname: 'f'.repeat(256) }, '"First Name" length must be equal or less than 255 characters.\nFirst Name is not valid!'],
    ] as const) {
      const reply = await app.request('PUT', '/rest/V1/customers/me', {
        token: customerToken,
        body: { customer: { email: customerEmail, firstname: 'Veronica', lastname: 'Costello', ...customer } },
      });
      assert.deepEqual([reply.status, reply.body], [400, { message }]);
    }
    assert.equal(await snapshot(getDb(), owned), before);
  });

  it('MySQL runs every pooled and transaction connection in the SQL mode we chose, whatever the server default', { skip: platform !== 'mysql' && 'MySQL only' }, async () => {
    const mode = async (db: ConnectionInterface): Promise<unknown> => db.fetchOne('SELECT @@SESSION.sql_mode');
    const expected = SQL_MODE.split(',').sort().join(',');
    assert.equal(String(await mode(getDb())).split(',').sort().join(','), expected);
    assert.equal(String(await getDb().transaction((tx) => mode(tx))).split(',').sort().join(','), expected);
  });

  it('the database boundary turns a refused value into a 400-class InvalidValueException naming the column, keeping the driver error', async () => {
    const db = getDb();
    const table = db.getTableName('customer_entity');
    const email = `ib_${uniqueSuffix()}@example.com`;
    if (platform === 'mysql') {
      for (const [row, column] of [
        [{ email, prefix: 'p'.repeat(41) }, 'prefix'],
        [{ email, gender: 70000 }, 'gender'],
        [{ email, group_id: -1 }, 'group_id'],
        [{ email, dob: '2024-02-30' }, 'dob'],
      ] as const) {
        await assert.rejects(db.insert('customer_entity', row), (error: unknown) => {
          assert.ok(error instanceof InvalidValueException, String(error));
          assert.equal(error.column, column);
          assert.equal(error.getRawMessage(), INVALID_FIELD_VALUE);
          assert.ok(error.cause !== undefined);
          assert.doesNotMatch(error.message, /INSERT|customer_entity/);
          return true;
        });
      }
      assert.equal(await db.fetchOne(`SELECT COUNT(*) FROM ${table} WHERE email = ?`, [email]), 0);
    } else {
      await assert.rejects(db.fetchAll('SELECT 1 LIMIT ?', ['abc']), (error: unknown) => error instanceof InvalidValueException && error.cause !== undefined);
    }
  });

  // ----- properties ---------------------------------------------------------------------------------------

  it('property: POST /V1/login-as-customer/secret and POST /V1/customer/:customerId/otp', async () => {
    const base = (): JsonObject => obj({ customerId: owned.customerId, storeId: 1, reason: 'support call' });
    await fc.assert(
      fc.asyncProperty(mutations([['customerId'], ['storeId'], ['reason'], ['adminId'], ['customer_id'], ['store_id']]), async (changes) => {
        const body = mutate(base(), changes);
        await checkedRequest(app, getDb(), owned, refused, { method: 'POST', path: '/rest/V1/login-as-customer/secret', token: adminToken, body, label: `secret ${body.slice(0, 200)}` });
      }),
      runs(150),
    );
    await fc.assert(
      fc.asyncProperty(segment(() => owned.customerId), mutations([['reason'], ['storeId'], ['customerId']]), async (id, changes) => {
        const body = mutate(obj({ reason: 'support call', storeId: 1 }), changes);
        const path = `/rest/V1/customer/${encode(id)}/otp`;
        await checkedRequest(app, getDb(), owned, refused, { method: 'POST', path, token: adminToken, body, label: `${path} ${body.slice(0, 200)}` });
      }),
      runs(100),
    );
  });

  it('property: PUT /V1/login-as-customer/assistance/:customerId and /me', async () => {
    await fc.assert(
      fc.asyncProperty(segment(() => owned.customerId), mutations([['isAllowed'], ['customerId'], ['is_allowed']]), fc.boolean(), async (id, changes, asCustomer) => {
        const body = mutate(obj({ isAllowed: true }), changes);
        const path = asCustomer ? '/rest/V1/login-as-customer/assistance/me' : `/rest/V1/login-as-customer/assistance/${encode(id)}`;
        await checkedRequest(app, getDb(), owned, refused, { method: 'PUT', path, token: asCustomer ? customerToken : adminToken, body, label: `${path} ${body.slice(0, 200)}` });
      }),
      runs(120),
    );
  });

  it('property: GET /V1/customers/:customerId, GET /V1/customers/me', async () => {
    await fc.assert(
      fc.asyncProperty(segment(() => owned.customerId), fc.boolean(), async (id, me) => {
        const path = me ? `/rest/V1/customers/me?customerId=${encode(id)}` : `/rest/V1/customers/${encode(id)}`;
        await checkedRequest(app, getDb(), owned, refused, { method: 'GET', path, token: me ? customerToken : adminToken, label: path });
      }),
      runs(120),
    );
  });

  it('property: GET /V1/customers/search and GET /V1/login-as-customer/log searchCriteria', async () => {
    for (const [route, fields] of [['/rest/V1/customers/search', CUSTOMER_SEARCH_FIELDS], ['/rest/V1/login-as-customer/log', LOG_SEARCH_FIELDS]] as const) {
      await fc.assert(
        fc.asyncProperty(searchQuery(fields), async (query) => {
          const path = `${route}?${query}`;
          await checkedRequest(app, getDb(), owned, refused, { method: 'GET', path, token: adminToken, label: path.slice(0, 300) });
        }),
        runs(120),
      );
    }
  });

  it('property: POST /V1/customers (anonymous) creates nothing when refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutations([...CUSTOMER_FIELDS, ...CUSTOMER_EXTENSION_FIELDS, ['password'], ['redirectUrl']]),
        fc.boolean(),
        fc.nat({ max: 9 }),
        async (changes, asAdmin, passwordDie) => {
          const email = `ib_${uniqueSuffix()}@example.com`;
          // A valid password costs an Argon2 hash per request: only now and then.
          const base = obj({ customer: obj({ email, firstname: 'Ann', lastname: 'Lee' }), password: passwordDie === 0 ? 'Passw0rd!x' : undefined });
          const body = mutate(base, changes);
          const reply = await checkedRequest(app, getDb(), owned, refused, {
            method: 'POST',
            path: '/rest/V1/customers',
            token: asAdmin ? adminToken : undefined,
            body,
            label: `create ${body.slice(0, 300)}`,
          });
          if (reply.status >= 400) {
            assert.equal(Number(await getDb().fetchOne(`SELECT COUNT(*) FROM ${getDb().getTableName('customer_entity')} WHERE email = ?`, [email])), 0);
          }
        },
      ),
      runs(150),
    );
  });

  it('property: PUT /V1/customers/me', async () => {
    await fc.assert(
      fc.asyncProperty(mutations([...CUSTOMER_FIELDS.filter(([, name]) => name !== 'email'), ...CUSTOMER_EXTENSION_FIELDS]), async (changes) => {
        const body = mutate(obj({ customer: obj({ email: customerEmail, firstname: 'Veronica', lastname: 'Costello' }) }), changes);
        await checkedRequest(app, getDb(), owned, refused, { method: 'PUT', path: '/rest/V1/customers/me', token: customerToken, body, label: `me ${body.slice(0, 300)}` });
      }),
      runs(120),
    );
  });

  it('property: token routes (admin, customer, Login as Customer exchange and validate)', async () => {
    const routes = [
      ['/rest/V1/integration/admin/token', (): JsonObject => obj({ username: `nobody_${uniqueSuffix()}`, password: 'Wrong#Pass1' }), [['username'], ['password']]],
      ['/rest/V1/integration/customer/token', (): JsonObject => obj({ username: `nobody_${uniqueSuffix()}@example.com`, password: 'Wrong#Pass1' }), [['username'], ['password']]],
      ['/rest/V1/login-as-customer/token', (): JsonObject => obj({ secret: `1:3:${'A'.repeat(40)}` }), [['secret'], ['storeId']]],
      ['/rest/V1/login-as-customer/secret/validate', (): JsonObject => obj({ secret: `1:3:${'A'.repeat(40)}` }), [['secret']]],
      ['/rest/V1/integration/customer/login-as-customer', (): JsonObject => obj({ secret: `1:3:${'A'.repeat(40)}` }), [['secret'], ['customerId'], ['storeId']]],
    ] as const;
    for (const [path, base, fields] of routes) {
      await fc.assert(
        fc.asyncProperty(mutations(fields), async (changes) => {
          const body = mutate(base(), changes);
          const token = path.includes('login-as-customer') ? adminToken : undefined;
          await checkedRequest(app, getDb(), owned, refused, { method: 'POST', path, token, body, label: `${path} ${body.slice(0, 200)}` });
        }),
        runs(path.endsWith('/admin/token') || path.endsWith('/customer/token') ? 30 : 60),
      );
    }
  });
});
