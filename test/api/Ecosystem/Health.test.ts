/** `GET /health` (src/app.ts): the load balancer probe answers from the database, on both platforms. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestApplication, type TestApplication } from '../../support/app.ts';
import { forEachDatabase } from '../../support/databases.ts';

forEachDatabase('GET /health', (getDb, { openConnection, platform }) => {
  let app: TestApplication;

  before(async () => {
    app = await createTestApplication(getDb());
  });
  after(() => app.close());

  it('answers 200 with the database platform while the database is reachable', async () => {
    const reply = await app.request('GET', '/health');
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body, { status: 'ok', database: platform });
    assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('answers 503 once the database is gone', async () => {
    const connection = openConnection();
    const lost = await createTestApplication(connection);
    try {
      assert.equal((await lost.request('GET', '/health')).status, 200);
      await connection.close();
      const reply = await lost.request('GET', '/health');
      assert.equal(reply.status, 503);
      assert.deepEqual(reply.body, { status: 'unavailable', database: platform });
    } finally {
      await lost.close();
    }
  });
});
