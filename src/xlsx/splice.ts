/**
 * Splices the product's sheets, written into a small package of their own, into the user's
 * `.xlsx` package, so a large workbook is never loaded into an object model and written back:
 * the user's parts are carried over as they are (the zip keeps their compressed bytes), ours
 * are added with fresh part names, and the workbook-level parts are edited in place (sheet
 * list, defined names, relationships, content types, styles, shared strings). A product sheet
 * that already exists is replaced at its tab position, its old parts removed.
 */
import JSZip from 'jszip';
import { addRelationship, parseRelationships, relsPathOf, resolveTarget } from './charts/package';
import { attributes, escapeXml, findTags, NS } from './charts/xml';
import { mergeStyles, type StyleMaps } from './splice-styles';
import { cellParts, planSharedStrings, sharedStringItems } from './splice-strings';
import { repack } from './zip-repack';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_SHEET = `${REL}/worksheet`;
const REL_STRINGS = `${REL}/sharedStrings`;
const CT_STRINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface SpliceOptions {
  /** Defined names of the user's workbook to drop (the names our sheets define, old and new). */
  readonly dropName: (name: string) => boolean;
  /** Ask the application to recalculate every formula on open. */
  readonly fullCalcOnLoad?: boolean;
  /** The sheet the workbook opens on (its tab made active; no other tab stays selected). */
  readonly activeSheet?: string;
}

interface SheetEntry {
  readonly tag: string;
  readonly name: string;
  readonly relId: string;
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

async function required(zip: JSZip, path: string): Promise<string> {
  const found = await text(zip, path);
  if (found === undefined) throw new Error(`Not an .xlsx package: ${path} is missing`);
  return found;
}

/** About the first `bytes` bytes of a part as text, without unpacking the rest. */
async function headText(zip: JSZip, path: string, bytes: number): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = () => {
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (done) return;
        chunks.push(chunk);
        length += chunk.length;
        if (length >= bytes) {
          stream.pause();
          finish();
        }
      })
      .on('error', (error: Error) => {
        if (!done) {
          done = true;
          reject(error);
        }
      })
      .on('end', () => {
        if (!done) finish();
      });
  });
}

function relIdOf(tag: string): string {
  const a = attributes(tag);
  return a[Object.keys(a).find((k) => k.endsWith(':id')) ?? ''] ?? '';
}

function sheetsOf(workbookXml: string): SheetEntry[] {
  const block = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  return findTags(block, 'sheet').map((tag) => ({ tag, name: attributes(tag).name, relId: relIdOf(tag) }));
}

/** Every part reachable from `part` through relationships (internal targets only), `part` first. */
async function reachable(zip: JSZip, part: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [part];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (out.includes(next) || !zip.file(next)) continue;
    out.push(next);
    const rels = await text(zip, relsPathOf(next));
    if (!rels) continue;
    for (const tag of findTags(rels, 'Relationship')) {
      const a = attributes(tag);
      if (a.TargetMode === 'External') continue;
      queue.push(resolveTarget(next, a.Target));
    }
  }
  return out;
}

interface ContentTypes {
  xml: string;
}

function overrideOf(ct: ContentTypes, part: string): string | undefined {
  const tag = findTags(ct.xml, 'Override').find((t) => attributes(t).PartName === `/${part}`);
  return tag ? attributes(tag).ContentType : undefined;
}

function defaultOf(ct: ContentTypes, ext: string): string | undefined {
  const tag = findTags(ct.xml, 'Default').find((t) => attributes(t).Extension?.toLowerCase() === ext);
  return tag ? attributes(tag).ContentType : undefined;
}

function addContent(ct: ContentTypes, tag: string): void {
  const at = ct.xml.lastIndexOf('</Types>');
  ct.xml = ct.xml.slice(0, at) + tag + ct.xml.slice(at);
}

function removeOverride(ct: ContentTypes, part: string): void {
  ct.xml = ct.xml.replace(new RegExp(`<Override\\b[^>]*PartName="/${escapeRe(part)}"[^>]*/>`, 'g'), '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The part's content type in `from`, registered for `part` in `to`. */
function copyContentType(from: ContentTypes, fromPart: string, to: ContentTypes, part: string): void {
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  const type = overrideOf(from, fromPart) ?? defaultOf(from, ext);
  if (!type || overrideOf(to, part) === type) return;
  const theirs = defaultOf(to, ext);
  if (theirs === type) return;
  if (theirs === undefined && ext === 'vml')
    addContent(to, `<Default Extension="vml" ContentType="${type}"/>`);
  else addContent(to, `<Override PartName="/${part}" ContentType="${type}"/>`);
}

/** A part name not used in `zip` nor in `taken`, shaped like `path` (`xl/charts/chart3.xml`). */
function freshName(zip: JSZip, taken: Set<string>, path: string): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(path);
  const [stem, ext] = m ? [m[1], m[3]] : [path, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${ext}`;
    if (!zip.file(candidate) && !taken.has(candidate)) return candidate;
  }
}

/**
 * Our sheet XML with cell formats and differential formats remapped, and its shared-string cells
 * made inline strings (the `<si>` item's content is an `<is>`'s): our sheets never add to the
 * workbook's shared strings, so replacing them later never needs the user's sheets scanned.
 */
function remapSheet(xml: string, maps: StyleMaps, strings: readonly string[]): string {
  return xml
    .replace(/<(c|row)\b[^>]*>/g, (tag) =>
      tag.replace(/(\ss=)"(\d+)"/, (_, attr: string, n: string) => `${attr}"${maps.xf[Number(n)] ?? 0}"`),
    )
    .replace(/<col\b[^>]*>/g, (tag) =>
      tag.replace(/(\sstyle=)"(\d+)"/, (_, attr: string, n: string) => `${attr}"${maps.xf[Number(n)] ?? 0}"`),
    )
    .replace(/<cfRule\b[^>]*>/g, (tag) =>
      tag.replace(
        /(\sdxfId=)"(\d+)"/,
        (_, attr: string, n: string) => `${attr}"${maps.dxf[Number(n)] ?? 0}"`,
      ),
    )
    .replace(/(<c\b[^>]*\st=)"s"([^>]*>)<v>(\d+)<\/v>/g, (whole, open: string, rest: string, n: string) => {
      const item = strings[Number(n)];
      if (item === undefined) return whole;
      const inner = item.replace(/^<si\b[^>]*?(?:\/>|>)/, '').replace(/<\/si>$/, '');
      return `${open}"inlineStr"${rest}<is>${inner || '<t></t>'}</is>`;
    });
}

/** Parts that relationships of parts outside `removed` point at (the workbook's own included). */
async function referencedOutside(zip: JSZip, removed: ReadonlySet<string>): Promise<Set<string>> {
  const out = new Set<string>();
  const relsFiles: string[] = [];
  zip.forEach((path) => {
    if (path.endsWith('.rels')) relsFiles.push(path);
  });
  for (const path of relsFiles) {
    const source = path.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^_rels\/\.rels$/, '');
    if (removed.has(source)) continue;
    for (const rel of parseRelationships((await text(zip, path)) ?? '')) {
      out.add(source === '' ? rel.target.replace(/^\//, '') : resolveTarget(source, rel.target));
    }
  }
  return out;
}

/**
 * Drops the calculation chain: it lists formula cells by sheet, so one naming cells of a
 * replaced sheet makes Excel repair the file. Excel rebuilds it on the next save.
 */
function dropCalcChain(zip: JSZip, workbookRels: string, ct: ContentTypes): string {
  const rel = parseRelationships(workbookRels).find((r) => r.type.endsWith('/calcChain'));
  if (!rel) return workbookRels;
  const part = resolveTarget('xl/workbook.xml', rel.target);
  zip.remove(part);
  removeOverride(ct, part);
  return workbookRels.replace(new RegExp(`<Relationship\\b[^>]*Id="${escapeRe(rel.id)}"[^>]*/>`), '');
}

/** Workbook-unique table ids: a table part's `id` moved past the user's. */
async function maxTableId(zip: JSZip): Promise<number> {
  let max = 0;
  const tables: string[] = [];
  zip.forEach((path) => {
    if (/^xl\/tables\/[^/]+\.xml$/.test(path)) tables.push(path);
  });
  for (const path of tables) {
    const tag = findTags((await text(zip, path)) ?? '', 'table')[0];
    if (tag) max = Math.max(max, Number(attributes(tag).id) || 0);
  }
  return max;
}

/** Sets (or adds) `fullCalcOnLoad="1"` on `<calcPr>`, adding the element after the names when absent. */
function withFullCalc(workbookXml: string): string {
  const calc = /<calcPr\b[^>]*?\/?>/.exec(workbookXml);
  if (calc) {
    const tag = /\sfullCalcOnLoad=/.test(calc[0])
      ? calc[0].replace(/(\sfullCalcOnLoad=)"[^"]*"/, '$1"1"')
      : calc[0].replace(/^<calcPr/, '<calcPr fullCalcOnLoad="1"');
    return workbookXml.slice(0, calc.index) + tag + workbookXml.slice(calc.index + calc[0].length);
  }
  const after = [
    '</definedNames>',
    '<definedNames/>',
    '</externalReferences>',
    '</functionGroups>',
    '</sheets>',
  ];
  for (const marker of after) {
    const at = workbookXml.indexOf(marker);
    if (at >= 0)
      return (
        workbookXml.slice(0, at + marker.length) +
        '<calcPr fullCalcOnLoad="1"/>' +
        workbookXml.slice(at + marker.length)
      );
  }
  return workbookXml;
}

/** Sets (or adds) an attribute of the first tag matching `pattern`. */
function withAttribute(xml: string, tag: RegExpExecArray, name: string, value: string): string {
  const text = tag[0];
  const updated = new RegExp(`\\s${name}="`).test(text)
    ? text.replace(new RegExp(`(\\s${name}=)"[^"]*"`), `$1"${value}"`)
    : text.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
  return xml.slice(0, tag.index) + updated + xml.slice(tag.index + text.length);
}

/**
 * Opens the workbook on `name`: `activeTab` points at it, and tabs that were selected lose their
 * selection (Excel would open them grouped with ours). Only the parts of sheets that could be
 * selected are rewritten: the previously active one and the first.
 */
async function activate(
  zip: JSZip,
  workbookXml: string,
  workbookRels: string,
  name: string,
  fresh: ReadonlySet<string>,
): Promise<string> {
  const sheets = sheetsOf(workbookXml);
  const index = sheets.findIndex((s) => s.name === name);
  if (index < 0) return workbookXml;
  let xml = workbookXml;
  let view = /<workbookView\b[^>]*?\/?>/.exec(xml);
  const previous = view ? Number(attributes(view[0]).activeTab ?? 0) : 0;
  if (!view) {
    const at = xml.indexOf('<sheets');
    xml = `${xml.slice(0, at)}<bookViews><workbookView activeTab="${index}"/></bookViews>${xml.slice(at)}`;
  } else {
    xml = withAttribute(xml, view, 'activeTab', String(index));
    view = /<workbookView\b[^>]*?\/?>/.exec(xml)!;
    const first = Number(attributes(view[0]).firstSheet ?? 0);
    if (first > index) xml = withAttribute(xml, view, 'firstSheet', String(index));
  }
  const rels = parseRelationships(workbookRels);
  for (const at of new Set([previous, 0])) {
    const sheet = sheets[at];
    if (!sheet || sheet.name === name || fresh.has(sheet.name)) continue;
    const rel = rels.find((r) => r.id === sheet.relId);
    if (!rel) continue;
    const part = resolveTarget('xl/workbook.xml', rel.target);
    // The sheet view sits at the top: a large sheet is read whole only when it is selected.
    const head = await headText(zip, part, 4096);
    if (head === undefined || !/<sheetView\b[^>]*\stabSelected="(1|true)"/.test(head)) continue;
    const body = (await text(zip, part))!;
    const selected = /<sheetView\b[^>]*\stabSelected="(1|true)"[^>]*>/.exec(body.slice(0, 4096));
    if (!selected) continue;
    const cleared = selected[0].replace(/\stabSelected="(1|true)"/, '');
    zip.file(
      part,
      body.slice(0, selected.index) + cleared + body.slice(selected.index + selected[0].length),
      {
        createFolders: false,
      },
    );
  }
  return xml;
}

/**
 * Puts every sheet of `ours` (a package holding only the product's sheets, as ExcelJS and
 * `addCharts` wrote it) into `theirs`, replacing sheets of the same name, and returns the new
 * package (`theirs` may be a package opened already, which is then changed). The user's other
 * parts are not rewritten. Throws when either package lacks the
 * parts this needs or has them in a form it does not read.
 * @example const out = await spliceSheets(await readFile('sales.xlsx'), ourPackage, { dropName: (n) => n.startsWith('SM_') });
 */
export async function spliceSheets(
  theirs: Buffer | JSZip,
  ours: Buffer,
  options: SpliceOptions,
): Promise<Buffer> {
  // A package already opened is used as it is (and changed): opening a large one costs a pass over its bytes.
  const zip = Buffer.isBuffer(theirs) ? await JSZip.loadAsync(theirs) : theirs;
  const small = await JSZip.loadAsync(ours);
  let workbookXml = await required(zip, 'xl/workbook.xml');
  if (!/<sheets\b/.test(workbookXml) || !workbookXml.includes('</sheets>'))
    throw new Error('xl/workbook.xml is not in the plain form this reads');
  let workbookRels = await required(zip, 'xl/_rels/workbook.xml.rels');
  const ct: ContentTypes = { xml: await required(zip, '[Content_Types].xml') };
  const ourCt: ContentTypes = { xml: await required(small, '[Content_Types].xml') };
  const ourWorkbook = await required(small, 'xl/workbook.xml');
  const ourRels = parseRelationships(await required(small, 'xl/_rels/workbook.xml.rels'));
  const stylesRel = parseRelationships(workbookRels).find((r) => r.type.endsWith('/styles'));
  if (!stylesRel) throw new Error('The workbook has no styles part');
  const stylesPath = resolveTarget('xl/workbook.xml', stylesRel.target);
  const merged = mergeStyles(await required(zip, stylesPath), await required(small, 'xl/styles.xml'));
  zip.file(stylesPath, merged.xml, { createFolders: false });

  // Shared strings: what the replaced sheets alone used goes; ours reuse what is there.
  const theirSheetsNow = sheetsOf(workbookXml);
  const leaving = new Set<string>();
  for (const sheet of sheetsOf(ourWorkbook)) {
    const old = theirSheetsNow.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    const rel = old && parseRelationships(workbookRels).find((r) => r.id === old.relId);
    if (rel) leaving.add(resolveTarget('xl/workbook.xml', rel.target));
  }
  const ourStrings = sharedStringItems(await text(small, 'xl/sharedStrings.xml'));
  const strings = await planSharedStrings(
    zip,
    workbookRels,
    cellParts(workbookRels).filter((part) => !leaving.has(part)),
    [],
    [...leaving],
    (rels) => {
      zip.file(
        'xl/sharedStrings.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`,
        { createFolders: false },
      );
      if (!overrideOf(ct, 'xl/sharedStrings.xml'))
        addContent(ct, `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT_STRINGS}"/>`);
      return {
        rels: addRelationship(rels, REL_STRINGS, 'sharedStrings.xml').xml,
        path: 'xl/sharedStrings.xml',
      };
    },
  );
  workbookRels = strings.workbookRels;

  workbookRels = dropCalcChain(zip, workbookRels, ct);
  let tableId = await maxTableId(zip);
  const taken = new Set<string>();
  const theirSheets = sheetsOf(workbookXml);
  const rels = () => parseRelationships(workbookRels);
  let sheetId = Math.max(0, ...theirSheets.map((s) => Number(attributes(s.tag).sheetId) || 0));
  const ourSheets = sheetsOf(ourWorkbook);
  const newTags = new Map<string, string>();
  const ourIndex = new Map<number, string>();

  for (const [index, sheet] of ourSheets.entries()) {
    ourIndex.set(index, sheet.name);
    const rel = ourRels.find((r) => r.id === sheet.relId);
    if (!rel) throw new Error(`Our package lacks the part of sheet "${sheet.name}"`);
    const ourPart = resolveTarget('xl/workbook.xml', rel.target);

    // Remove the old sheet of that name with everything only it uses.
    const old = theirSheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (old) {
      const oldRel = rels().find((r) => r.id === old.relId);
      if (oldRel) {
        const oldPart = resolveTarget('xl/workbook.xml', oldRel.target);
        const parts = await reachable(zip, oldPart);
        const shared = await referencedOutside(zip, new Set(parts));
        for (const part of parts) {
          // The sheet itself goes; what it uses goes unless something that stays uses it too.
          if (part !== oldPart && (shared.has(part) || part === stylesPath || part === 'xl/workbook.xml'))
            continue;
          zip.remove(part);
          zip.remove(relsPathOf(part));
          removeOverride(ct, part);
        }
        workbookRels = workbookRels.replace(
          new RegExp(`<Relationship\\b[^>]*Id="${escapeRe(old.relId)}"[^>]*/>`),
          '',
        );
      }
    }

    // Copy our sheet and what it uses under fresh names.
    const parts = await reachable(small, ourPart);
    const names = new Map<string, string>();
    for (const part of parts) {
      const name = freshName(zip, taken, part);
      taken.add(name);
      names.set(part, name);
    }
    for (const part of parts) {
      const name = names.get(part)!;
      let body = (await small.file(part)!.async('string'))!;
      if (part === ourPart) {
        body = remapSheet(body, merged.maps, ourStrings);
      }
      if (/^xl\/tables\//.test(part)) body = body.replace(/(<table\b[^>]*?\sid=)"\d+"/, `$1"${++tableId}"`);
      zip.file(name, body, { createFolders: false });
      copyContentType(ourCt, part, ct, name);
      const partRels = await text(small, relsPathOf(part));
      if (partRels) {
        const rewritten = partRels.replace(/<Relationship\b[^>]*>/g, (tag) => {
          const a = attributes(tag);
          if (a.TargetMode === 'External') return tag;
          const target = names.get(resolveTarget(part, a.Target));
          if (!target) return tag;
          const oldBase = a.Target.slice(a.Target.lastIndexOf('/') + 1);
          const newBase = target.slice(target.lastIndexOf('/') + 1);
          return tag.replace(
            /(\sTarget=)"([^"]*)"/,
            (_, attr: string, t: string) =>
              `${attr}"${escapeXml(t.slice(0, t.length - oldBase.length) + newBase)}"`,
          );
        });
        zip.file(relsPathOf(name), rewritten, { createFolders: false });
      }
    }
    const sheetPart = names.get(ourPart)!;
    if (!overrideOf(ct, sheetPart))
      addContent(ct, `<Override PartName="/${sheetPart}" ContentType="${CT_SHEET}"/>`);
    const added = addRelationship(workbookRels, REL_SHEET, sheetPart.slice('xl/'.length));
    workbookRels = added.xml;
    const state = attributes(sheet.tag).state;
    const id = old ? Number(attributes(old.tag).sheetId) || ++sheetId : ++sheetId;
    const tag = `<sheet name="${escapeXml(sheet.name)}" sheetId="${id}"${state && state !== 'visible' ? ` state="${state}"` : ''} r:id="${added.id}"/>`;
    if (old) workbookXml = workbookXml.replace(old.tag, tag);
    else newTags.set(sheet.name, tag);
  }
  strings.finish(0);
  if (newTags.size > 0) {
    const close = workbookXml.indexOf('</sheets>');
    workbookXml = workbookXml.slice(0, close) + [...newTags.values()].join('') + workbookXml.slice(close);
  }
  if (!/<workbook\b[^>]*\sxmlns:r=/.test(workbookXml))
    workbookXml = workbookXml.replace(/<workbook\b/, `<workbook xmlns:r="${NS.r}"`);

  // Defined names: ours replace the user's of the same names; local ones follow their sheet.
  const sheetIndex = new Map(sheetsOf(workbookXml).map((s, i) => [s.name, i]));
  const ourNames =
    (/<definedNames>([\s\S]*?)<\/definedNames>/.exec(ourWorkbook)?.[1] ?? '').match(
      /<definedName\b[^>]*>[\s\S]*?<\/definedName>/g,
    ) ?? [];
  const remapped = ourNames.map((n) =>
    n.replace(
      /(\slocalSheetId=)"(\d+)"/,
      (_, attr: string, i: string) => `${attr}"${sheetIndex.get(ourIndex.get(Number(i)) ?? '') ?? 0}"`,
    ),
  );
  // A name is its text and its scope: our sheet's print area replaces that sheet's, not the user's.
  const scopeKey = (tag: string) => `${attributes(tag).name}|${attributes(tag).localSheetId ?? ''}`;
  const dropped = new Set(remapped.map(scopeKey));
  const block = /<definedNames>([\s\S]*?)<\/definedNames>|<definedNames\/>/.exec(workbookXml);
  const kept =
    (block?.[1] ?? '').match(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)?.filter((n) => {
      const name = attributes(n).name;
      return !dropped.has(scopeKey(n)) && !options.dropName(name);
    }) ?? [];
  const names = [...kept, ...remapped];
  const namesXml = names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '';
  if (block)
    workbookXml =
      workbookXml.slice(0, block.index) + namesXml + workbookXml.slice(block.index + block[0].length);
  else if (namesXml) {
    const markers = ['</externalReferences>', '</functionGroups>', '</sheets>'];
    const marker = markers.find((m) => workbookXml.includes(m))!;
    const at = workbookXml.indexOf(marker) + marker.length;
    workbookXml = workbookXml.slice(0, at) + namesXml + workbookXml.slice(at);
  }
  if (options.fullCalcOnLoad) workbookXml = withFullCalc(workbookXml);
  if (options.activeSheet !== undefined)
    workbookXml = await activate(
      zip,
      workbookXml,
      workbookRels,
      options.activeSheet,
      new Set(newTags.keys()),
    );

  zip.file('xl/workbook.xml', workbookXml, { createFolders: false });
  zip.file('xl/_rels/workbook.xml.rels', workbookRels, { createFolders: false });
  zip.file('[Content_Types].xml', ct.xml, { createFolders: false });
  return repack(zip);
}
