/**
 * Merges the styles of a small package (the product's sheets, freshly written) into the
 * user's `styles.xml`, for splicing sheet parts between packages: our number formats, fonts,
 * fills, borders, cell formats and differential formats are appended (an identical entry is
 * reused), and the maps from our indexes to the merged ones are returned so our sheet XML can
 * be rewritten. The user's existing entries keep their indexes, so their cells are untouched.
 */
import { attributes, escapeXml } from './charts/xml';

/** Index maps from the small package's styles to the merged styles. */
export interface StyleMaps {
  /** cellXfs index (`s="…"` on cells and rows, `style="…"` on columns). */
  readonly xf: readonly number[];
  /** dxfs index (`dxfId="…"` in conditional formats). */
  readonly dxf: readonly number[];
}

/** CT_Stylesheet children, in schema order (ECMA-376 Part 1, §18.8.39). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

interface Section {
  /** Child elements, raw. */
  readonly items: string[];
  /** Where the whole section sits in the text (start = end = insertion point when absent). */
  readonly start: number;
  readonly end: number;
  readonly present: boolean;
}

function items(content: string, item: string): string[] {
  const re = new RegExp(`<${item}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${item}>)`, 'g');
  return content.match(re) ?? [];
}

function section(xml: string, name: string, item: string): Section {
  const open = new RegExp(`<${name}\\b[^>]*?(/?)>`).exec(xml);
  if (open) {
    if (open[1] === '/')
      return { items: [], start: open.index, end: open.index + open[0].length, present: true };
    const close = xml.indexOf(`</${name}>`, open.index);
    if (close < 0) throw new Error(`styles.xml: <${name}> is not closed`);
    const content = xml.slice(open.index + open[0].length, close);
    return { items: items(content, item), start: open.index, end: close + name.length + 3, present: true };
  }
  // Absent: insert before the first later section, else before the closing root tag.
  const later = ORDER.slice(ORDER.indexOf(name) + 1)
    .map((n) => new RegExp(`<${n}\\b`).exec(xml)?.index)
    .filter((i): i is number => i !== undefined);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf('</styleSheet>');
  if (at < 0) throw new Error('styles.xml has no <styleSheet> root');
  return { items: [], start: at, end: at, present: false };
}

function render(name: string, list: readonly string[]): string {
  return list.length === 0
    ? `<${name} count="0"/>`
    : `<${name} count="${list.length}">${list.join('')}</${name}>`;
}

/** Appends `entry` unless an identical one exists; returns its index. */
function intern(list: string[], entry: string): number {
  const found = list.indexOf(entry);
  if (found >= 0) return found;
  list.push(entry);
  return list.length - 1;
}

function setAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}=)"[^"]*"`);
  return re.test(tag) ? tag.replace(re, `$1"${value}"`) : tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

/**
 * Merges `ours` into `theirs`; returns the new `styles.xml` and the index maps. Throws when a
 * `styles.xml` is not in the plain form this reads (prefixed elements, for example).
 * @example const { xml, maps } = mergeStyles(userStylesXml, ourStylesXml);
 */
export function mergeStyles(theirs: string, ours: string): { xml: string; maps: StyleMaps } {
  if (!/<styleSheet\b/.test(theirs) || !/<styleSheet\b/.test(ours))
    throw new Error('styles.xml is not a plain SpreadsheetML stylesheet');
  const spec: [string, string][] = [
    ['numFmts', 'numFmt'],
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['cellXfs', 'xf'],
    ['dxfs', 'dxf'],
  ];
  const target = new Map(spec.map(([name, item]) => [name, section(theirs, name, item)]));
  const source = new Map(spec.map(([name, item]) => [name, section(ours, name, item)]));
  const list = (name: string) => [...target.get(name)!.items];
  const numFmts = list('numFmts');
  const fonts = list('fonts');
  const fills = list('fills');
  const borders = list('borders');
  const cellXfs = list('cellXfs');
  const dxfs = list('dxfs');
  if (fonts.length === 0 || cellXfs.length === 0) throw new Error('styles.xml has no fonts or cell formats');

  // Custom number formats (ids from 164) by format code; built-in ids mean the same everywhere.
  const idOfCode = new Map<string, number>();
  let nextId = 163;
  for (const f of numFmts) {
    const a = attributes(f);
    idOfCode.set(a.formatCode, Number(a.numFmtId));
    nextId = Math.max(nextId, Number(a.numFmtId));
  }
  const numFmtMap = new Map<number, number>();
  for (const f of source.get('numFmts')!.items) {
    const a = attributes(f);
    let id = idOfCode.get(a.formatCode);
    if (id === undefined) {
      id = ++nextId;
      idOfCode.set(a.formatCode, id);
      numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(a.formatCode)}"/>`);
    }
    numFmtMap.set(Number(a.numFmtId), id);
  }
  const fontMap = source.get('fonts')!.items.map((f) => intern(fonts, f));
  const fillMap = source.get('fills')!.items.map((f) => intern(fills, f));
  const borderMap = source.get('borders')!.items.map((f) => intern(borders, f));
  const xf = source.get('cellXfs')!.items.map((entry) => {
    const tagEnd = entry.indexOf('>');
    let tag = entry.slice(0, tagEnd + 1);
    const a = attributes(tag);
    const numFmtId = Number(a.numFmtId ?? 0);
    if (numFmtId >= 164) tag = setAttr(tag, 'numFmtId', numFmtMap.get(numFmtId) ?? 0);
    tag = setAttr(tag, 'fontId', fontMap[Number(a.fontId ?? 0)] ?? 0);
    tag = setAttr(tag, 'fillId', fillMap[Number(a.fillId ?? 0)] ?? 0);
    tag = setAttr(tag, 'borderId', borderMap[Number(a.borderId ?? 0)] ?? 0);
    // Our one cell style is Normal, the user's first.
    tag = setAttr(tag, 'xfId', 0);
    return intern(cellXfs, tag + entry.slice(tagEnd + 1));
  });
  const dxf = source.get('dxfs')!.items.map((d) => intern(dxfs, d));

  const replacements = new Map<string, string>([
    ['numFmts', numFmts.length === 0 && !target.get('numFmts')!.present ? '' : render('numFmts', numFmts)],
    ['fonts', render('fonts', fonts)],
    ['fills', render('fills', fills)],
    ['borders', render('borders', borders)],
    ['cellXfs', render('cellXfs', cellXfs)],
    ['dxfs', dxfs.length === 0 && !target.get('dxfs')!.present ? '' : render('dxfs', dxfs)],
  ]);
  // Splice from the end so earlier offsets stay valid.
  const edits = [...target.entries()].sort((a, b) => b[1].start - a[1].start || b[1].end - a[1].end);
  let xml = theirs;
  for (const [name, s] of edits) {
    let text = replacements.get(name)!;
    // Keep the user's attributes on the fonts section (x14ac:knownFonts) when it was there.
    if (name === 'fonts' && s.present) {
      const open = /<fonts\b[^>]*?>/.exec(theirs.slice(s.start))![0].replace(/\/>$/, '>');
      text = `${setAttr(open, 'count', fonts.length)}${fonts.join('')}</fonts>`;
    }
    xml = xml.slice(0, s.start) + text + xml.slice(s.end);
  }
  return { xml, maps: { xf, dxf } };
}
