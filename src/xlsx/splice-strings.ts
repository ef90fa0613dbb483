/**
 * The shared strings of a spliced package: strings that no sheet staying in the package uses any
 * more (those of the product sheets being replaced) are dropped, identical strings are merged,
 * and ours reuse an existing string when it is already there and are appended otherwise. So a
 * refresh does not make the file grow. Sheets whose string numbers change are rewritten (only the
 * numbers in their shared-string cells); in the usual case that is none of the user's sheets.
 * When a sheet cannot be read for its references, every string is kept.
 */
import type JSZip from 'jszip';
import { parseRelationships, resolveTarget } from './charts/package';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_STRINGS = `${REL}/sharedStrings`;
/** Parts holding cells that may use shared strings. */
const CELL_PARTS = /\/(worksheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet|macrosheet)$/;

const SI = /<si\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/si>)/g;

/** The `<si>` items of a shared strings part, as written. */
export function sharedStringItems(xml: string | undefined): string[] {
  if (!xml) return [];
  return xml.match(SI) ?? [];
}

/** Where a shared-string cell's number is in a sheet's XML, and the number. */
interface StringRef {
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

const CELL_OPEN = /<((?:[A-Za-z_][\w.-]*:)?)c\b([^>]*)>/g;
const SHARED_TYPE = /\st\s*=\s*(["'])s\1/;
const VALUE = /<((?:[A-Za-z_][\w.-]*:)?)v(?:\s[^>]*)?>(\s*)(\d+)\s*<\/\1v>/;

/**
 * The shared-string references of a sheet's XML (cells `t="s"` and their `<v>`), or `undefined`
 * when the XML is not in a form this reads (a cell left open).
 * @example sharedStringRefs('<c r="A1" t="s"><v>3</v></c>') // [{ start: 20, end: 21, index: 3 }]
 */
export function sharedStringRefs(xml: string): StringRef[] | undefined {
  const refs: StringRef[] = [];
  CELL_OPEN.lastIndex = 0;
  for (let m = CELL_OPEN.exec(xml); m; m = CELL_OPEN.exec(xml)) {
    const attrs = m[2];
    if (attrs.endsWith('/') || !SHARED_TYPE.test(attrs)) continue;
    const from = CELL_OPEN.lastIndex;
    const close = xml.indexOf(`</${m[1]}c>`, from);
    if (close < 0) return undefined;
    const value = VALUE.exec(xml.slice(from, close));
    if (value) {
      const start = from + value.index + value[0].indexOf('>') + 1 + value[2].length;
      refs.push({ start, end: start + value[3].length, index: Number(value[3]) });
    }
    CELL_OPEN.lastIndex = close;
  }
  return refs;
}

/** The XML with each reference's number replaced through `map`. */
function renumbered(xml: string, refs: readonly StringRef[], map: readonly number[]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const ref of refs) {
    pieces.push(xml.slice(at, ref.start), String(map[ref.index]));
    at = ref.end;
  }
  pieces.push(xml.slice(at));
  return pieces.join('');
}

export interface StringPlan {
  /** The final index of each of our strings, in our order. */
  readonly ours: readonly number[];
  /** The workbook's relationships (with a shared strings part added when there was none). */
  readonly workbookRels: string;
  /** Writes the shared strings part; `ourRefs` is how many cells of our sheets use one. */
  finish(ourRefs: number): void;
}

interface Scanned {
  readonly part: string;
  readonly xml: string;
  readonly refs: readonly StringRef[];
}

/**
 * Plans the package's shared strings once the sheets in `leaving` are gone and ours are in.
 * Throws when the shared strings part is not in the plain form this edits (the caller then
 * rewrites the whole workbook).
 * @param staying the cell parts (sheets) that stay in the package
 */
export async function planSharedStrings(
  zip: JSZip,
  workbookRels: string,
  staying: readonly string[],
  ourStrings: readonly string[],
  addStringsPart: (rels: string) => { rels: string; path: string },
): Promise<StringPlan> {
  let rel = parseRelationships(workbookRels).find((r) => r.type === REL_STRINGS);
  if (!rel && ourStrings.length === 0) return { ours: [], workbookRels, finish: () => undefined };
  let path: string;
  if (rel) path = resolveTarget('xl/workbook.xml', rel.target);
  else {
    const added = addStringsPart(workbookRels);
    workbookRels = added.rels;
    path = added.path;
    rel = parseRelationships(workbookRels).find((r) => r.type === REL_STRINGS);
  }
  const sst = await zip.file(path)?.async('string');
  if (sst === undefined) throw new Error(`The shared strings part ${path} is missing`);
  const root = /<sst\b[^>]*?(\/?)>/.exec(sst);
  if (!root) throw new Error('The shared strings part has no <sst> root');
  const items = sharedStringItems(sst);
  if ((sst.match(/<si\b/g) ?? []).length !== items.length)
    throw new Error('The shared strings part is not in the plain form this reads');

  // Which strings the staying sheets use; any sheet this cannot read keeps them all.
  const scanned: Scanned[] = [];
  let readable = !Object.keys(zip.files).some((p) => p.startsWith('xl/revisions/'));
  for (const part of staying) {
    if (!readable) break;
    const xml = await zip
      .file(part)
      ?.async('string')
      .catch(() => undefined);
    if (xml === undefined) {
      readable = zip.file(part) === null;
      continue;
    }
    const refs = sharedStringRefs(xml);
    if (!refs || refs.some((r) => r.index >= items.length)) readable = false;
    else if (refs.length > 0) scanned.push({ part, xml, refs });
  }
  const used = new Set<number>();
  if (readable) for (const s of scanned) for (const r of s.refs) used.add(r.index);
  else items.forEach((_, i) => used.add(i));

  // Kept strings in their order, identical ones merged; then ours, reusing what is there.
  const map: number[] = [];
  const kept: string[] = [];
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    if (!used.has(i)) return;
    const seen = readable ? at.get(item) : undefined;
    if (seen !== undefined) {
      map[i] = seen;
      return;
    }
    map[i] = kept.length;
    at.set(item, kept.length);
    kept.push(item);
  });
  const ours = ourStrings.map((item) => {
    const seen = at.get(item);
    if (seen !== undefined) return seen;
    at.set(item, kept.length);
    kept.push(item);
    return kept.length - 1;
  });
  let stayingRefs = 0;
  for (const s of scanned) {
    stayingRefs += s.refs.length;
    if (s.refs.some((r) => map[r.index] !== r.index))
      zip.file(s.part, renumbered(s.xml, s.refs, map), { createFolders: false });
  }
  const counted = readable;
  const oldCount = Number(/\scount="(\d+)"/.exec(root[0])?.[1] ?? 0);

  return {
    ours,
    workbookRels,
    finish(ourRefs: number) {
      const count = counted ? stayingRefs + ourRefs : oldCount + ourRefs;
      let open = root[0].replace(/\/>$/, '>');
      open = /\suniqueCount="/.test(open)
        ? open.replace(/(\suniqueCount=)"\d*"/, `$1"${kept.length}"`)
        : open.replace(/^<sst/, `<sst uniqueCount="${kept.length}"`);
      open = /\scount="/.test(open)
        ? open.replace(/(\scount=)"\d*"/, `$1"${count}"`)
        : open.replace(/^<sst/, `<sst count="${count}"`);
      const bodyStart = root.index + root[0].length;
      const close = root[1] === '/' ? bodyStart : sst.lastIndexOf('</sst>');
      const after = root[1] === '/' ? sst.slice(bodyStart) : sst.slice(close + '</sst>'.length);
      // What else the root holds (an extension list) stays after the strings.
      const rest = sst.slice(bodyStart, close).replace(SI, '').trim();
      zip.file(path, `${sst.slice(0, root.index)}${open}${kept.join('')}${rest}</sst>${after}`, {
        createFolders: false,
      });
    },
  };
}

/** Cell parts the workbook's relationships list (sheets of every kind that hold cells). */
export function cellParts(workbookRels: string): string[] {
  return parseRelationships(workbookRels)
    .filter((r) => CELL_PARTS.test(r.type ?? ''))
    .map((r) => resolveTarget('xl/workbook.xml', r.target));
}
