import fs from 'fs';
import path from 'path';
import { checkManifest, pngSize, type ManifestIssue } from '../../scripts/manifest-checks';

const ROOT = path.resolve(__dirname, '../..');
const ASSETS = path.join(ROOT, 'assets');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

const check = (xml: string) => checkManifest(xml, { assetsDir: ASSETS });
const rules = (issues: readonly ManifestIssue[]) => [...new Set(issues.map((i) => i.rule))];

/** Replaces exactly one occurrence, so a mutation cannot silently miss. */
function mutate(xml: string, from: string, to: string): string {
  const count = xml.split(from).length - 1;
  if (count !== 1) throw new Error(`"${from}" occurs ${count} times in the manifest`);
  return xml.replace(from, to);
}

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  it('declares a shared runtime, the SALES namespace and ReadWriteDocument', () => {
    expect(MANIFEST).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(MANIFEST).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SALES"\/>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
  });

  it('passes against a build output folder when one exists', () => {
    const dist = path.join(ROOT, 'dist');
    if (!fs.existsSync(path.join(dist, 'functions.json'))) return; // no build yet: nothing to compare
    expect(checkManifest(MANIFEST, { assetsDir: ASSETS, distDir: dist })).toEqual([]);
  });
});

describe('manifest checks catch broken manifests', () => {
  it('a resid that names no resource', () => {
    const issues = check(mutate(MANIFEST, '<Label resid="CommandsGroup.Label"/>', '<Label resid="Commands.Missing"/>'));
    expect(rules(issues)).toEqual(['resid']);
    expect(issues[0].message).toContain('Commands.Missing');
  });

  it('a resid of the wrong kind', () => {
    const issues = check(mutate(MANIFEST, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Icon.32x32"/>'));
    expect(rules(issues)).toContain('resid');
  });

  it('an icon file that does not exist', () => {
    const issues = check(mutate(MANIFEST, 'assets/icon-80.png"/>', 'assets/icon-81.png"/>'));
    expect(rules(issues)).toEqual(['icon-missing']);
    expect(issues[0].message).toContain('icon-81.png');
  });

  it('an icon whose pixels do not match its declared size', () => {
    const issues = check(
      mutate(MANIFEST, 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"', 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"'),
    );
    expect(rules(issues)).toEqual(['icon-size']);
    expect(issues[0].message).toMatch(/32×32, declared 16×16/);
  });

  it('an <Id> that is not a GUID', () => {
    const issues = check(mutate(MANIFEST, '<Id>5ae5edde-638b-4767-863a-ceca745e60f5</Id>', '<Id>sales-metrics</Id>'));
    expect(rules(issues)).toEqual(['id']);
  });

  it('a URL that is not https', () => {
    const issues = check(mutate(MANIFEST, 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'));
    expect(rules(issues)).toContain('https');
  });

  it('strings over the length limits', () => {
    const long = 'x'.repeat(126);
    const issues = check(mutate(MANIFEST, 'DefaultValue="Sales Metrics is ready"', `DefaultValue="${long}"`));
    expect(rules(issues)).toEqual(['string-length']);
    const longer = 'y'.repeat(251);
    const tooLong = check(mutate(MANIFEST, /<bt:String id="TaskpaneButton.Tooltip" DefaultValue="[^"]*"/.exec(MANIFEST)![0], `<bt:String id="TaskpaneButton.Tooltip" DefaultValue="${longer}"`));
    expect(rules(tooLong)).toEqual(['string-length']);
  });

  it('a resource id defined twice', () => {
    const issues = check(mutate(MANIFEST, '<bt:String id="GetStarted.Title"', '<bt:String id="CommandsGroup.Label"'));
    expect(rules(issues)).toContain('resource-id');
  });

  it('<Runtimes> outside VersionOverrides/Hosts/Host', () => {
    const runtimes = '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>';
    const moved = mutate(mutate(MANIFEST, runtimes, ''), '<AllFormFactors>', `<AllFormFactors>${runtimes}`);
    expect(rules(check(moved))).toEqual(['runtimes']);
  });

  it('a functions page outside the shared runtime', () => {
    const xml = mutate(
      mutate(MANIFEST, '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>'),
      '<bt:Url id="Taskpane.Url"',
      '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/functions.html"/>\n        <bt:Url id="Taskpane.Url"',
    );
    expect(rules(check(xml))).toEqual(['runtimes']);
  });

  it('functions URLs that point at files the build does not emit', () => {
    const issues = check(mutate(MANIFEST, 'https://localhost:3000/functions.json', 'https://localhost:3000/public/functions.json'));
    expect(rules(issues)).toEqual(['build-output']);
    const script = check(mutate(MANIFEST, 'https://localhost:3000/functions.js"', 'https://localhost:3000/taskpane.js"'));
    expect(rules(script)).toEqual(['functions']);
  });

  it('XML that is not well-formed', () => {
    const issues = check(MANIFEST.replace('</Permissions>', '</Permission>'));
    expect(rules(issues)).toEqual(['xml']);
  });
});

describe('pngSize', () => {
  it('reads width and height from the PNG header', () => {
    expect(pngSize(fs.readFileSync(path.join(ASSETS, 'icon-80.png')))).toEqual({ width: 80, height: 80 });
  });

  it('returns null for other files', () => {
    expect(pngSize(Buffer.from('not a png at all, just some text'))).toBeNull();
  });
});
