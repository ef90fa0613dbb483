/**
 * The shared strings of a spliced package. Our sheets write their text inline, so in the usual
 * case nothing changes here and no sheet is read: the replaced product sheets used no shared
 * string. When they did (written by an earlier version), strings that no staying sheet uses any
 * more are dropped and identical strings merged, so a refresh does not make the file grow; sheets
 * whose string numbers change are rewritten (only the numbers in their shared-string cells). When
 * a sheet cannot be read for its references, every string is kept.
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

/** Where a shared-string cell's number is in a sheet's XML (byte offsets), and the number. */
interface StringRef {
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LETTER_C = 0x63;
const LETTER_S = 0x73;
const LETTER_T = 0x74;
const LETTER_V = 0x76;

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;

/** End of the element name that starts at `from` (after `<` or `</`). */
function nameEnd(xml: Buffer, from: number): number {
  let end = from;
  while (end < xml.length && !isSpace(xml[end]) && xml[end] !== GT && xml[end] !== SLASH) end++;
  return end;
}

/** True when the name in [from, end) is `local` alone or with a prefix (`x:c`). */
function isNamed(xml: Buffer, from: number, end: number, local: number): boolean {
  return xml[end - 1] === local && (end - from === 1 || xml[end - 2] === COLON);
}

/**
 * The cell tag at [from, end): whether its type is a shared string (`t="s"`), `undefined` when
 * its type attribute is spaced in a way this does not read.
 */
function sharedType(xml: Buffer, from: number, end: number): boolean | undefined {
  for (let k = from; k < end; k++) {
    const byte = xml[k];
    if (byte === QUOTE || byte === APOSTROPHE) {
      k++;
      while (k < end && xml[k] !== byte) k++;
      if (k === end) return undefined;
      continue;
    }
    if (byte !== LETTER_T || !isSpace(xml[k - 1])) continue;
    let at = k + 1;
    while (isSpace(xml[at])) at++;
    if (xml[at] !== EQUALS) continue;
    if (at !== k + 1 || isSpace(xml[at + 1])) return undefined;
    const quote = xml[at + 1];
    return xml[at + 2] === LETTER_S && xml[at + 3] === quote;
  }
  return false;
}

/**
 * The shared-string references of a sheet's XML (cells `t="s"` and the number in their `<v>`),
 * read from the bytes in one pass (a large sheet is not decoded into text); `undefined` when the
 * XML is not in a form this reads (a tag or a shared-string cell cut off, a type attribute
 * spaced oddly).
 * @example sharedStringRefs(Buffer.from('<c r="A1" t="s"><v>3</v></c>')) // [{ start: 19, end: 20, index: 3 }]
 */
export function sharedStringRefs(xml: Buffer): StringRef[] | undefined {
  const refs: StringRef[] = [];
  const length = xml.length;
  for (let i = 0; i < length; i++) {
    if (xml[i] !== LT) continue;
    const name = i + 1;
    const end = nameEnd(xml, name);
    if (!isNamed(xml, name, end, LETTER_C)) continue;
    let close = end;
    while (close < length && xml[close] !== GT) close++;
    if (close === length) return undefined;
    const shared = sharedType(xml, end, close);
    if (shared === undefined) return undefined;
    i = close;
    if (!shared || xml[close - 1] === SLASH) continue;
    // The cell's value: the first `<v>` before the cell closes.
    for (let j = close + 1; ; j++) {
      while (j < length && xml[j] !== LT) j++;
      if (j === length) return undefined;
      const closing = xml[j + 1] === SLASH;
      const from = closing ? j + 2 : j + 1;
      const to = nameEnd(xml, from);
      if (closing && isNamed(xml, from, to, LETTER_C) && to - from === end - name) {
        i = j;
        break;
      }
      if (closing || !isNamed(xml, from, to, LETTER_V) || xml[to] !== GT) continue;
      let start = to + 1;
      while (isSpace(xml[start])) start++;
      let stop = start;
      let index = 0;
      while (isDigit(xml[stop])) index = index * 10 + xml[stop++] - 0x30;
      if (stop === start) return undefined;
      refs.push({ start, end: stop, index });
      i = stop;
      break;
    }
  }
  return refs;
}

/** The XML with each reference's number replaced through `map`. */
function renumbered(xml: Buffer, refs: readonly StringRef[], map: readonly number[]): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  for (const ref of refs) {
    pieces.push(xml.subarray(at, ref.start), Buffer.from(String(map[ref.index])));
    at = ref.end;
  }
  pieces.push(xml.subarray(at));
  return Buffer.concat(pieces);
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
  readonly xml: Buffer;
  readonly refs: readonly StringRef[];
}

/** True when none of the parts holds a shared-string cell (each read, all small product sheets). */
async function useNoStrings(zip: JSZip, parts: readonly string[]): Promise<boolean> {
  for (const part of parts) {
    const xml = await zip
      .file(part)
      ?.async('nodebuffer')
      .catch(() => undefined);
    if (xml === undefined) {
      if (zip.file(part) !== null) return false;
      continue;
    }
    const refs = sharedStringRefs(xml);
    if (refs === undefined || refs.length > 0) return false;
  }
  return true;
}

/**
 * Plans the package's shared strings once the sheets in `leaving` are gone and ours are in.
 * Throws when the shared strings part is not in the plain form this edits (the caller then
 * rewrites the whole workbook).
 * @param staying the cell parts (sheets) that stay in the package
 * @param leaving the cell parts being replaced (read first: when they use no shared string and
 *   there are none to add, nothing else is read)
 */
export async function planSharedStrings(
  zip: JSZip,
  workbookRels: string,
  staying: readonly string[],
  ourStrings: readonly string[],
  leaving: readonly string[],
  addStringsPart: (rels: string) => { rels: string; path: string },
): Promise<StringPlan> {
  let rel = parseRelationships(workbookRels).find((r) => r.type === REL_STRINGS);
  const unchanged = { ours: [], workbookRels, finish: () => undefined };
  if (!rel && ourStrings.length === 0) return unchanged;
  // Nothing to add and nothing leaving that used a string: the strings stay as they are, and
  // the staying sheets (the user's, however large) are not read at all.
  if (ourStrings.length === 0 && (await useNoStrings(zip, leaving))) return unchanged;
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
      ?.async('nodebuffer')
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
