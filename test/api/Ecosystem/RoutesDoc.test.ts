/** docs/routes.md is generated (scripts/routes-table.ts); this fails when someone edits webapi.xml and forgets it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { README, readmeWithTable, renderRoutesDocument, ROUTES_DOC } from '../../../scripts/routes-table.ts';
import { readWebapiXmlIndependently } from './webapiXmlRoutes.ts';

describe('docs/routes.md', () => {
  it('equals the table generated from the API description', async () => {
    const expected = await renderRoutesDocument();
    assert.equal(readFileSync(ROUTES_DOC, 'utf8'), expected, 'docs/routes.md is out of date: run node --import tsx scripts/routes-table.ts');
  });

  it('README.md carries the same table', async () => {
    const generated = await renderRoutesDocument();
    const table = generated.slice(generated.indexOf('| Method |'));
    const readme = readFileSync(README, 'utf8');
    assert.equal(readme, readmeWithTable(readme, table), 'README.md route table is out of date: run node --import tsx scripts/routes-table.ts');
  });

  it('has one row per route of etc/webapi.xml, with its resources', () => {
    const document = readFileSync(ROUTES_DOC, 'utf8');
    const rows = document.split('\n').filter((line) => /^\| (GET|POST|PUT|DELETE) \|/.test(line));
    const expected = readWebapiXmlIndependently().map(
      (route) => `| ${route.method} | \`${route.url}\` | ${route.resources.map((r) => `\`${r}\``).join(', ')} |`,
    );
    assert.equal(rows.length, expected.length);
    for (const row of expected) assert.ok(rows.some((line) => line.startsWith(row)), `missing row ${row}`);
  });
});
