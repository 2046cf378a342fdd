import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, SCHEMA, manifestProblems, schemaProblems } from '../../scripts/manifest-check.ts';

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest schema (xmllint-wasm and the vendored XSDs, offline)', async () => {
    assert.deepEqual(await schemaProblems(xml), []);
  });

  it('needs nothing outside the repository: the schemas are vendored', () => {
    assert.ok(SCHEMA.startsWith(ROOT + path.sep), SCHEMA);
    assert.ok(fs.existsSync(SCHEMA));
  });

  it('passes the checks the schema cannot make', () => {
    assert.deepEqual(manifestProblems(xml), []);
  });

  it('the schema check catches a misordered element', async () => {
    const broken = xml.replace(/(<ProviderName>[^<]*<\/ProviderName>)\s*(<Version>[^<]*<\/Version>)/, '$2$1').replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1');
    assert.notEqual(broken, xml);
    const problems = await schemaProblems(broken);
    assert.ok(problems.length > 0);
    assert.match(problems.join('\n'), /ProviderName|Version/);
  });

  it('the other checks catch a dangling resid, another host, plain http and a foreign origin', () => {
    assert.match(manifestProblems(xml.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"')).join('\n'), /Taskpane\.Missing/);
    assert.match(manifestProblems(xml.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>')).join('\n'), /Workbook/);
    assert.match(manifestProblems(xml.replace('https://localhost:3000/taskpane.html', 'http://localhost:3000/taskpane.html')).join('\n'), /not HTTPS/);
    assert.match(manifestProblems(xml.replace('https://localhost:3000/commands.html', 'https://example.com/commands.html')).join('\n'), /not on https:\/\/localhost:3000/);
  });
});
