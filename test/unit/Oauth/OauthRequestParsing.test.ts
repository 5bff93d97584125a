/**
 * Where Magento reads OAuth parameters from (Framework\Oauth\Helper\Request::prepareRequest) and the nonce
 * generator's timestamp window (Integration\Model\Oauth\Nonce\Generator::validateNonce).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OauthException } from '../../../src/Framework/Oauth/OauthException.ts';
import { OauthInputException } from '../../../src/Framework/Oauth/OauthInputException.ts';
import { prepareOauthRequest } from '../../../src/Framework/Oauth/OauthRequestHelper.ts';
import { FixedClock } from '../../../src/Framework/Stdlib/Clock.ts';
import { NonceGenerator } from '../../../src/Model/Integration/Oauth/NonceGenerator.ts';
import type { OauthNonce } from '../../../src/Model/ResourceModel/Integration/OauthNonce.ts';

const FORM = 'application/x-www-form-urlencoded';

describe('OAuth parameters (Helper\\Request)', () => {
  it('is not an OAuth request without "oauth " in the Authorization header', async () => {
    assert.equal(await prepareOauthRequest({ method: 'GET', url: 'http://h/?oauth_consumer_key=k', authorization: undefined, contentType: undefined }), null);
    assert.equal(await prepareOauthRequest({ method: 'GET', url: 'http://h/', authorization: 'Bearer abc', contentType: undefined }), null);
  });

  it('reads header pairs whose name looks like oauth_… (unanchored), decoded; realm and others are ignored', async () => {
    const params = await prepareOauthRequest({
      method: 'GET',
      url: 'http://h/p?a=1&oauth_nonce=fromquery',
      authorization: 'Something OAuth realm="r", oauth_nonce="n%2B1", xoauth_extra="x", plain="p", oauth_signature="s%3D"',
      contentType: undefined,
    });
    assert.ok(params);
    assert.deepEqual([...params.protocol], [
      ['oauth_nonce', 'n+1'],
      ['xoauth_extra', 'x'],
      ['oauth_signature', 's='],
    ]);
    // The query's oauth_… parameters are neither read nor signed; its others are signed.
    assert.deepEqual(params.signed.slice(3), [['a', '1']]);
  });

  it('takes protocol parameters from a form body only when the header (just "OAuth ") had none', async () => {
    const body = () => Promise.resolve('oauth_consumer_key=k&oauth_nonce=n&name=J+D%21');
    const fromBody = await prepareOauthRequest({ method: 'POST', url: 'http://h/', authorization: 'OAuth ', contentType: FORM, body });
    assert.deepEqual(fromBody && [...fromBody.protocol], [
      ['oauth_consumer_key', 'k'],
      ['oauth_nonce', 'n'],
    ]);
    assert.deepEqual(fromBody?.signed.at(-1), ['name', 'J D!']);
    const headerWins = await prepareOauthRequest({ method: 'POST', url: 'http://h/', authorization: 'OAuth oauth_nonce="h"', contentType: `${FORM}; charset=UTF-8`, body });
    assert.deepEqual(headerWins && [...headerWins.protocol], [['oauth_nonce', 'h']]);
    let read = false;
    await prepareOauthRequest({ method: 'POST', url: 'http://h/', authorization: 'OAuth ', contentType: 'application/json', body: () => ((read = true), Promise.resolve('')) });
    assert.equal(read, false, 'a JSON body is never read for OAuth');
  });
});

describe('timestamp window and nonce (Nonce\\Generator)', () => {
  const NOW = 1_800_000_000;
  const consumer = { id: 3, key: 'k', secret: 's', callbackUrl: null, updatedAt: null };
  const generator = (used = new Set<string>()) =>
    new NonceGenerator({ use: (nonce: string, id: number) => Promise.resolve(!used.has(`${id}:${nonce}`) && Boolean(used.add(`${id}:${nonce}`))) } as unknown as OauthNonce, new FixedClock(NOW * 1000));

  it('accepts any positive timestamp up to 600 s ahead (PHP (int) reading), refuses the rest with Magento\'s message', async () => {
    for (const ok of [String(NOW + 600), '1', ` ${NOW}`, `${NOW}abc`, String(NOW - 10 * 365 * 86400)]) {
      await generator().validateNonce(consumer, `n${ok}`, ok);
    }
    for (const bad of [String(NOW + 601), '0', '-5', 'abc', '', '99999999999999999999']) {
      await assert.rejects(generator().validateNonce(consumer, 'n', bad), (e: unknown) =>
        e instanceof OauthInputException && e.getRawMessage() === 'Incorrect timestamp value in the oauth_timestamp parameter',
      );
    }
  });

  it('a nonce once per consumer; one the column cannot hold gets the generic failure', async () => {
    const g = generator();
    await g.validateNonce(consumer, 'abc', String(NOW));
    await assert.rejects(g.validateNonce(consumer, 'abc', String(NOW)), (e: unknown) =>
      e instanceof OauthException && e.getRawMessage() === 'The nonce is already being used by the consumer with ID %1' && JSON.stringify(e.getParameters()) === '[3]',
    );
    await g.validateNonce({ ...consumer, id: 4 }, 'abc', String(NOW));
    await assert.rejects(g.validateNonce(consumer, 'x'.repeat(33), String(NOW)), (e: unknown) =>
      e instanceof OauthException && e.getRawMessage() === 'An error occurred validating the nonce',
    );
  });
});
