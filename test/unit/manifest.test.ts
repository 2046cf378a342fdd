import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { DEV_ORIGIN, ROOT, SCHEMA, manifestProblems, manifestUrls, readManifest, schemaProblems } from '../../scripts/manifest-check.ts';
import { parseOrigin, withOrigin, writeManifest } from '../../scripts/manifest-origin.ts';

const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest schema (xmllint-wasm and the vendored XSDs, offline)', async () => {
    assert.deepEqual(await schemaProblems(xml), []);
  });

  it('needs nothing outside the repository: the schemas are vendored', () => {
    assert.ok(SCHEMA.startsWith(ROOT + path.sep), SCHEMA);
    assert.ok(fs.existsSync(SCHEMA));
  });

  it('passes the checks the schema cannot make', async () => {
    assert.deepEqual(await manifestProblems(xml), []);
  });

  it('is read with office-addin-manifest: its ManifestInfo and every URL in the document', async () => {
    const { info, tree } = await readManifest(xml);
    assert.deepEqual(info.hosts, ['Workbook']);
    assert.equal(info.defaultLocale, 'ko-KR');
    assert.equal(info.defaultSettings?.sourceLocation, `${DEV_ORIGIN}/taskpane.html`);
    const urls = manifestUrls(tree);
    // Top level (icons, support, source, app domain) and the resources (3 images, 3 URLs).
    assert.equal(urls.length, 11);
    assert.ok(urls.includes(DEV_ORIGIN) && urls.includes(`${DEV_ORIGIN}/commands.html`), urls.join(' '));
  });

  it('the schema check catches a misordered element', async () => {
    const broken = xml
      .replace(/(<ProviderName>[^<]*<\/ProviderName>)\s*(<Version>[^<]*<\/Version>)/, '$2$1')
      .replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1');
    assert.notEqual(broken, xml);
    const problems = await schemaProblems(broken);
    assert.ok(problems.length > 0);
    assert.match(problems.join('\n'), /ProviderName|Version/);
  });

  it('the other checks catch a dangling resid, another host, plain http and a foreign origin', async () => {
    assert.match((await manifestProblems(xml.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'))).join('\n'), /Taskpane\.Missing/);
    assert.match((await manifestProblems(xml.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'))).join('\n'), /Workbook/);
    assert.match(
      (await manifestProblems(xml.replace('https://localhost:3000/taskpane.html', 'http://localhost:3000/taskpane.html'))).join('\n'),
      /not HTTPS/,
    );
    assert.match(
      (await manifestProblems(xml.replace('https://localhost:3000/commands.html', 'https://example.com/commands.html'))).join('\n'),
      /not on https:\/\/localhost:3000/,
    );
  });

  it('the other checks also catch another override host, a missing ExcelApi set, another locale and broken XML', async () => {
    assert.match(
      (await manifestProblems(xml.replace('<Host xsi:type="Workbook">', '<Host xsi:type="Document">'))).join('\n'),
      /VersionOverrides host must be Workbook, found Document/,
    );
    assert.match((await manifestProblems(xml.replace('Name="ExcelApi"', 'Name="WordApi"'))).join('\n'), /ExcelApi/);
    assert.match((await manifestProblems(xml.replace('<DefaultLocale>ko-KR<', '<DefaultLocale>en-US<'))).join('\n'), /ko-KR/);
    assert.match((await manifestProblems(xml.replace('</OfficeApp>', ''))).join('\n'), /not readable as a manifest/);
  });
});

describe('npm run manifest -- --origin', () => {
  const ORIGIN = 'https://shipsheet.example.com';

  it('moves every URL to the origin and the result passes the same checks on it', async () => {
    const moved = await withOrigin(xml, ORIGIN);
    assert.deepEqual(await schemaProblems(moved), []);
    assert.deepEqual(await manifestProblems(moved, ORIGIN), []);
    const urls = manifestUrls((await readManifest(moved)).tree);
    assert.equal(urls.length, 11);
    assert.ok(
      urls.every((u) => new URL(u).origin === ORIGIN),
      urls.join(' '),
    );
    assert.ok(urls.includes(`${ORIGIN}/taskpane.html`) && urls.includes(ORIGIN));
    // The development manifest no longer passes on the new origin: the check really compares origins.
    assert.match((await manifestProblems(xml, ORIGIN)).join('\n'), /not on https:\/\/shipsheet\.example\.com/);
  });

  it('accepts only an https origin, without a path', () => {
    assert.equal(parseOrigin('https://shipsheet.example.com/'), ORIGIN);
    assert.equal(parseOrigin('https://desk.example.com:8443'), 'https://desk.example.com:8443');
    assert.throws(() => parseOrigin('http://shipsheet.example.com'), /--origin must use https/);
    assert.throws(() => parseOrigin('https://shipsheet.example.com/app'), /origin only/);
    assert.throws(() => parseOrigin('shipsheet.example.com'), /--origin/);
    assert.throws(() => parseOrigin(undefined), /--origin/);
  });

  it('writes to the path given, and from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-manifest-'));
    try {
      const out = path.join(dir, 'nested', 'manifest.xml');
      assert.deepEqual(await writeManifest(ORIGIN, out), []);
      assert.equal(fs.readFileSync(out, 'utf8'), await withOrigin(xml, ORIGIN));

      const cliOut = path.join(dir, 'cli.xml');
      const script = path.join(ROOT, 'scripts', 'manifest-origin.ts');
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', script, '--origin', ORIGIN, '--out', cliOut], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.match(stdout, /wrote .*cli\.xml for https:\/\/shipsheet\.example\.com/);
      assert.equal(fs.readFileSync(cliOut, 'utf8'), fs.readFileSync(out, 'utf8'));
      assert.throws(
        () =>
          execFileSync(process.execPath, ['--import', 'tsx', script, '--origin', 'http://x.example', '--out', path.join(dir, 'no.xml')], {
            cwd: ROOT,
            stdio: 'pipe',
          }),
        /--origin must use https/,
      );
      assert.ok(!fs.existsSync(path.join(dir, 'no.xml')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
