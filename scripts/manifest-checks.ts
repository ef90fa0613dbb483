/**
 * Offline structural checks of the add-in's XML manifest. Microsoft's online validator checks
 * the schema but lets unresolved `resid`s, missing icons and URLs that point at files the build
 * never emits through; Excel then fails at load time with no useful message. These checks catch
 * those before sideloading.
 */
import fs from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ManifestIssue {
  /** Short rule name, e.g. `resid`, `icon-size`, `https`. */
  readonly rule: string;
  readonly message: string;
}

export interface ManifestCheckOptions {
  /** Folder the icon URLs' `assets/…` paths resolve in (the repo's `assets/`). */
  readonly assetsDir: string;
  /** Base URL the add-in is served from; URLs under it must name files the build emits. */
  readonly baseUrl?: string;
  /** When given, every file the manifest references under `baseUrl` must exist here (e.g. `dist/`). */
  readonly distDir?: string;
}

export const DEV_BASE_URL = 'https://localhost:3000/';
/** What `npm run build` writes besides `assets/`: the pages, scripts and metadata Excel loads. */
export const EMITTED_FILES: readonly string[] = [
  'taskpane.html',
  'commands.html',
  'functions.html',
  'taskpane.js',
  'commands.js',
  'functions.js',
  'functions.json',
];
export const MAX_SHORT_STRING = 125;
export const MAX_LONG_STRING = 250;

/** One element of the manifest, with its ancestors' names for placement checks. */
interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
  readonly ancestors: readonly string[];
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElements(nodes: readonly OrderedNode[], ancestors: readonly string[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name === '#text' || name === '?xml' || name === '#comment') continue;
    const rawChildren = (node[name] as OrderedNode[]) ?? [];
    const text = rawChildren
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('')
      .trim();
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(node[':@'] ?? {})) attrs[key.replace(/^@_/, '')] = String(value);
    elements.push({
      name,
      attrs,
      text,
      ancestors,
      children: toElements(rawChildren, [...ancestors, name]),
    });
  }
  return elements;
}

function* walk(elements: readonly XmlElement[]): Generator<XmlElement> {
  for (const element of elements) {
    yield element;
    yield* walk(element.children);
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const PERMISSIONS = new Set(['Restricted', 'ReadDocument', 'ReadWriteDocument', 'WriteDocument', 'ReadItem']);

type ResourceKind = 'image' | 'url' | 'short' | 'long';
interface Resource {
  readonly kind: ResourceKind;
  readonly value: string;
  readonly overrides: readonly string[];
}

/** Elements whose `resid` must name a resource of one kind (others only need to resolve). */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  'bt:Image': 'image',
  SourceLocation: 'url',
  FunctionFile: 'url',
  LearnMoreUrl: 'url',
  Runtime: 'url',
  Namespace: 'short',
  Label: 'short',
  Title: 'short',
};

function collectResources(all: readonly XmlElement[], issues: ManifestIssue[]): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const groups: Record<string, ResourceKind> = {
    'bt:Images': 'image',
    'bt:Urls': 'url',
    'bt:ShortStrings': 'short',
    'bt:LongStrings': 'long',
  };
  for (const element of all) {
    const group = element.ancestors[element.ancestors.length - 1];
    const kind = groups[group];
    if (!kind || !('id' in element.attrs)) continue;
    const id = element.attrs.id;
    if (resources.has(id)) issues.push({ rule: 'resource-id', message: `resource id "${id}" is defined twice` });
    const overrides = element.children.filter((c) => c.name === 'bt:Override').map((c) => c.attrs.Value ?? '');
    resources.set(id, { kind, value: element.attrs.DefaultValue ?? '', overrides });
  }
  return resources;
}

function checkIcon(
  url: string,
  size: number,
  where: string,
  options: ManifestCheckOptions,
  issues: ManifestIssue[],
): void {
  const base = options.baseUrl ?? DEV_BASE_URL;
  if (!url.startsWith(base)) return; // Hosted elsewhere: nothing to check offline.
  const relative = url.slice(base.length).split(/[?#]/)[0];
  if (!relative.startsWith('assets/')) {
    issues.push({ rule: 'icon-missing', message: `${where}: icon ${url} is not under assets/` });
    return;
  }
  const file = path.join(options.assetsDir, relative.slice('assets/'.length));
  if (!fs.existsSync(file)) {
    issues.push({ rule: 'icon-missing', message: `${where}: icon ${url} has no file ${file}` });
    return;
  }
  const dimensions = pngSize(fs.readFileSync(file));
  if (!dimensions) {
    issues.push({ rule: 'icon-size', message: `${where}: ${file} is not a PNG` });
  } else if (dimensions.width !== size || dimensions.height !== size) {
    issues.push({
      rule: 'icon-size',
      message: `${where}: ${file} is ${dimensions.width}×${dimensions.height}, declared ${size}×${size}`,
    });
  }
}

function checkServedFile(url: string, where: string, options: ManifestCheckOptions, issues: ManifestIssue[]) {
  const base = options.baseUrl ?? DEV_BASE_URL;
  if (!url.startsWith(base)) return;
  const relative = url.slice(base.length).split(/[?#]/)[0];
  if (relative.startsWith('assets/')) return; // Checked as icons.
  if (!EMITTED_FILES.includes(relative)) {
    issues.push({ rule: 'build-output', message: `${where}: ${url} is not a file the build emits` });
  } else if (options.distDir && !fs.existsSync(path.join(options.distDir, relative))) {
    issues.push({ rule: 'build-output', message: `${where}: ${relative} is missing from ${options.distDir}` });
  }
}

/**
 * Checks a manifest's structure; returns the problems found (empty when it passes).
 *
 * @example
 * const issues = checkManifest(fs.readFileSync('manifest.xml', 'utf8'), { assetsDir: 'assets' });
 * if (issues.length) console.error(issues.map((i) => `${i.rule}: ${i.message}`).join('\n'));
 */
export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestIssue[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [{ rule: 'xml', message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }];
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toElements(parser.parse(xml) as OrderedNode[], []);
  const all = [...walk(roots)];
  const issues: ManifestIssue[] = [];
  const first = (name: string) => all.find((e) => e.name === name);

  const app = roots.find((e) => e.name === 'OfficeApp');
  if (!app) return [{ rule: 'structure', message: 'the root element is not <OfficeApp>' }];

  const id = app.children.find((e) => e.name === 'Id')?.text ?? '';
  if (!GUID.test(id)) issues.push({ rule: 'id', message: `<Id> "${id}" is not a GUID` });
  const version = app.children.find((e) => e.name === 'Version')?.text ?? '';
  if (!VERSION.test(version)) issues.push({ rule: 'version', message: `<Version> "${version}" is not n.n.n.n` });
  const permissions = app.children.find((e) => e.name === 'Permissions')?.text ?? '';
  if (!PERMISSIONS.has(permissions)) {
    issues.push({ rule: 'permissions', message: `<Permissions> "${permissions}" is not a known level` });
  }

  const resources = collectResources(all, issues);

  // Every resid resolves, to a resource of the kind its element needs.
  for (const element of all) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const resource = resources.get(resid);
    const where = `<${element.name} resid="${resid}">`;
    if (!resource) {
      issues.push({ rule: 'resid', message: `${where} names no resource` });
    } else if (RESID_KIND[element.name] && RESID_KIND[element.name] !== resource.kind) {
      issues.push({ rule: 'resid', message: `${where} needs a ${RESID_KIND[element.name]} resource, not ${resource.kind}` });
    } else if (element.name === 'Description' && resource.kind === 'image') {
      issues.push({ rule: 'resid', message: `${where} names an image` });
    }
  }

  // Every URL is https.
  const urlElements = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url']);
  for (const element of all) {
    const urls: string[] = [];
    if (urlElements.has(element.name) && element.attrs.DefaultValue !== undefined) urls.push(element.attrs.DefaultValue);
    if (element.name === 'AppDomain') urls.push(element.text);
    const parent = element.ancestors[element.ancestors.length - 1];
    if (element.name === 'bt:Override' && (parent === 'bt:Image' || parent === 'bt:Url')) {
      urls.push(element.attrs.Value ?? '');
    }
    for (const url of urls) {
      if (!url.startsWith('https://')) issues.push({ rule: 'https', message: `<${element.name}> URL ${url} is not https` });
    }
  }

  // String lengths.
  for (const [resid, resource] of resources) {
    const limit = resource.kind === 'short' ? MAX_SHORT_STRING : resource.kind === 'long' ? MAX_LONG_STRING : null;
    if (limit === null) continue;
    for (const text of [resource.value, ...resource.overrides]) {
      if (text.length > limit) {
        issues.push({ rule: 'string-length', message: `string "${resid}" has ${text.length} characters (max ${limit})` });
      }
    }
  }

  // Icons exist with the declared pixel sizes.
  const iconUrl = first('IconUrl')?.attrs.DefaultValue;
  if (iconUrl) checkIcon(iconUrl, 32, '<IconUrl>', options, issues);
  const highRes = first('HighResolutionIconUrl')?.attrs.DefaultValue;
  if (highRes) checkIcon(highRes, 64, '<HighResolutionIconUrl>', options, issues);
  for (const element of all) {
    if (element.name !== 'bt:Image' || element.attrs.size === undefined) continue;
    const resource = resources.get(element.attrs.resid ?? '');
    if (resource?.kind !== 'image') continue;
    const size = Number(element.attrs.size);
    const where = `<bt:Image size="${element.attrs.size}" resid="${element.attrs.resid}">`;
    for (const url of [resource.value, ...resource.overrides]) checkIcon(url, size, where, options, issues);
  }

  // <Runtimes> sits in a <Host> of VersionOverrides, and the shared runtime is declared.
  const runtimes = all.filter((e) => e.name === 'Runtimes');
  for (const element of runtimes) {
    const chain = element.ancestors.slice(-3).join('/');
    if (chain !== 'VersionOverrides/Hosts/Host') {
      issues.push({ rule: 'runtimes', message: `<Runtimes> must sit in VersionOverrides/Hosts/Host, found in ${chain}` });
    }
  }
  const sharedRuntime = all.find((e) => e.name === 'Set' && e.attrs.Name === 'SharedRuntime');
  if (runtimes.length > 0 && !sharedRuntime) {
    issues.push({ rule: 'runtimes', message: '<Runtimes> needs the SharedRuntime requirement set' });
  }

  // Shared runtime: the functions page, the function file and the task pane are one page.
  const runtime = all.find((e) => e.name === 'Runtime');
  if (runtime?.attrs.lifetime === 'long') {
    const sharedResid = runtime.attrs.resid;
    const pageResid = all.find((e) => e.name === 'SourceLocation' && e.ancestors.at(-1) === 'Page')?.attrs.resid;
    const functionFile = first('FunctionFile')?.attrs.resid;
    for (const [label, resid] of [
      ['custom functions <Page>', pageResid],
      ['<FunctionFile>', functionFile],
    ] as const) {
      if (resid !== undefined && resid !== sharedResid) {
        issues.push({ rule: 'runtimes', message: `${label} uses ${resid}, not the shared runtime's ${sharedResid}` });
      }
    }
  }

  // Custom functions and pages point at files the build emits.
  const functionsPoint = all.find((e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions');
  if (functionsPoint) {
    const urlOf = (part: string) => {
      const section = functionsPoint.children.find((c) => c.name === part);
      const resid = section?.children.find((c) => c.name === 'SourceLocation')?.attrs.resid;
      return resid ? resources.get(resid)?.value : undefined;
    };
    const expectations: ReadonlyArray<readonly [string, (file: string) => boolean, string]> = [
      ['Script', (f) => f === 'functions.js', 'functions.js'],
      ['Metadata', (f) => f === 'functions.json', 'functions.json'],
      ['Page', (f) => f.endsWith('.html'), 'an .html page'],
    ];
    for (const [part, accepts, expected] of expectations) {
      const url = urlOf(part);
      if (!url) {
        issues.push({ rule: 'functions', message: `custom functions <${part}> has no URL` });
        continue;
      }
      const file = url.split(/[?#]/)[0].split('/').pop() ?? '';
      if (!accepts(file)) issues.push({ rule: 'functions', message: `custom functions <${part}> ${url} is not ${expected}` });
    }
  }
  for (const [resid, resource] of resources) {
    if (resource.kind === 'url') checkServedFile(resource.value, `bt:Url "${resid}"`, options, issues);
  }
  const defaultPage = all.find((e) => e.name === 'SourceLocation' && e.ancestors.at(-1) === 'DefaultSettings');
  if (defaultPage?.attrs.DefaultValue) checkServedFile(defaultPage.attrs.DefaultValue, '<DefaultSettings>', options, issues);

  return issues;
}
