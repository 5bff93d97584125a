import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  DeploymentConfigError,
  describeDatabase,
  loadDeploymentConfig,
  parseMysqlUrl,
  readEnvPhp,
} from '../../../../src/Framework/Config/DeploymentConfig.ts';
import { parsePhpArrayFile } from '../../../../src/Framework/Config/PhpArrayParser.ts';

const ENV_PHP = `<?php
// Magento's app/etc/env.php, as setup:install writes it
return [
    'backend' => ['frontName' => 'admin_x1'],
    'crypt' => [
        'key' => "0123456789abcdef0123456789abcdef\\nf3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8"
    ],
    'db' => array(
        'table_prefix' => 'mg_',
        'connection' => [
            'default' => [
                'host' => 'db.internal:3307',
                'dbname' => 'magento',
                'username' => 'magento',
                'password' => 'p@ss\\'word',
                'model' => 'mysql4',
                'active' => '1',
                'driver_options' => [1014 => false]
            ]
        ]
    ),
    'MAGE_MODE' => 'production',
    'cache_types' => ['config' => 1, 'layout' => 1, 0.5, true, null],
    /* block comment */ # hash comment
];
`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lac-deploy-'));
}

describe('PhpArrayParser', () => {
  it('reads nested arrays, both syntaxes, escapes, numbers, booleans, null and auto keys', () => {
    const env = parsePhpArrayFile(ENV_PHP);
    const db = env.db as Record<string, unknown>;
    assert.equal(db.table_prefix, 'mg_');
    const conn = (db.connection as Record<string, Record<string, unknown>>).default!;
    assert.equal(conn.password, "p@ss'word");
    assert.deepEqual({ ...(conn.driver_options as object) }, { 1014: false });
    assert.equal((env.crypt as Record<string, unknown>).key, '0123456789abcdef0123456789abcdef\nf3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8');
    assert.deepEqual({ ...(env.cache_types as object) }, { config: 1, layout: 1, 0: 0.5, 1: true, 2: null });
  });

  it('refuses anything that would need PHP to run', () => {
    assert.throws(() => parsePhpArrayFile("<?php return ['a' => getenv('X')];"), /unsupported PHP expression/);
    assert.throws(() => parsePhpArrayFile('<?php return ["a" => "$secret"];'), /interpolation/);
    assert.throws(() => parsePhpArrayFile("<?php return ['a' => 'b'"), /line 1/);
    assert.throws(() => parsePhpArrayFile('<?php echo 1;'), /expected "return"/);
  });
});

describe('readEnvPhp', () => {
  it('takes the connection, crypt key and table prefix of a real Magento', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'env.php'), ENV_PHP);
    const read = readEnvPhp(join(dir, 'env.php'));
    assert.deepEqual(read.database, {
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      user: 'magento',
      password: "p@ss'word",
      database: 'magento',
    });
    assert.equal(read.tablePrefix, 'mg_');
    assert.match(read.cryptKey ?? '', /^0123.*\nf3e2/s);
  });

  it('understands a socket in host', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'env.php'), ENV_PHP.replace('db.internal:3307', 'localhost:/run/mysqld/mysqld.sock'));
    const read = readEnvPhp(join(dir, 'env.php'));
    assert.equal(read.database.kind === 'mysql' && read.database.socketPath, '/run/mysqld/mysqld.sock');
  });

  it('names the file when it is missing or has no connection', () => {
    const dir = tempDir();
    assert.throws(() => readEnvPhp(join(dir, 'nope.php')), (e: Error) => e instanceof DeploymentConfigError && /nope\.php/.test(e.message));
    writeFileSync(join(dir, 'env.php'), "<?php return ['db' => []];");
    assert.throws(() => readEnvPhp(join(dir, 'env.php')), /has no db\/connection\/default/);
  });
});

describe('loadDeploymentConfig', () => {
  it('with no settings: embedded SQLite under var/ and a key generated once and kept', () => {
    const dir = tempDir();
    const first = loadDeploymentConfig({}, dir);
    assert.equal(first.source, 'embedded');
    assert.deepEqual(first.database, { kind: 'sqlite', path: join(dir, 'var', 'magento.sqlite') });
    assert.match(first.cryptKey, /^base64[A-Za-z0-9+/]{43}=$/);
    assert.equal(readFileSync(join(dir, 'var', 'crypt.key'), 'utf8').trim(), first.cryptKey);
    assert.equal(loadDeploymentConfig({}, dir).cryptKey, first.cryptKey);
    assert.equal(first.port, 8080);
    assert.equal(first.host, '127.0.0.1');
    assert.equal(first.mode, 'default');
  });

  it('treats empty variables as unset', () => {
    const dir = tempDir();
    const c = loadDeploymentConfig({ DATABASE_URL: '', MAGENTO_ENV_PHP: ' ', PORT: '', MAGENTO_CRYPT_KEY: '' }, dir);
    assert.equal(c.source, 'embedded');
    assert.equal(c.port, 8080);
  });

  it('DATABASE_URL selects MySQL with decoded credentials; MAGENTO_CRYPT_KEY wins over env.php', () => {
    const dir = tempDir();
    const c = loadDeploymentConfig({ DATABASE_URL: 'mysql://u%40x:p%2Fw@127.0.0.1:3310/shop', MAGENTO_CRYPT_KEY: 'k'.repeat(32) }, dir);
    assert.deepEqual(c.database, { kind: 'mysql', host: '127.0.0.1', port: 3310, user: 'u@x', password: 'p/w', database: 'shop' });
    assert.equal(c.cryptKey, 'k'.repeat(32));
    writeFileSync(join(dir, 'env.php'), ENV_PHP);
    const fromEnvPhp = loadDeploymentConfig({ MAGENTO_ENV_PHP: join(dir, 'env.php'), MAGENTO_CRYPT_KEY: 'z'.repeat(32) }, dir);
    assert.equal(fromEnvPhp.source, 'env.php');
    assert.equal(fromEnvPhp.tablePrefix, 'mg_');
    assert.equal(fromEnvPhp.cryptKey, 'z'.repeat(32));
  });

  it('refuses bad values with a clear message', () => {
    const dir = tempDir();
    assert.throws(() => loadDeploymentConfig({ PORT: '70000' }, dir), /PORT must be/);
    assert.throws(() => loadDeploymentConfig({ MAGENTO_MODE: 'debug' }, dir), /MAGENTO_MODE/);
    assert.throws(() => parseMysqlUrl('postgres://x@y/z'), /must start with mysql/);
    assert.throws(() => parseMysqlUrl('mysql://x@y'), /names no database/);
    assert.throws(() => loadDeploymentConfig({ MAGENTO_TABLE_PREFIX: 'a-b' }, dir), /table prefix/);
  });

  it('MAGENTO_MODULES lists folders separated by the path delimiter, resolved from the working directory', () => {
    const dir = tempDir();
    assert.equal(loadDeploymentConfig({}, dir).moduleDirs, undefined);
    const config = loadDeploymentConfig({ MAGENTO_MODULES: `app/code${delimiter} /opt/vendor/acme-stock ${delimiter}` }, dir);
    assert.deepEqual(config.moduleDirs, [resolve(process.cwd(), 'app/code'), '/opt/vendor/acme-stock']);
  });

  it('never shows a password in the database description', () => {
    const d = parseMysqlUrl('mysql://root:hunter2@127.0.0.1:3306/shop');
    assert.doesNotMatch(describeDatabase(d), /hunter2/);
    assert.equal(describeDatabase(d), 'MySQL root@127.0.0.1:3306/shop');
  });
});
