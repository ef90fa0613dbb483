/**
 * What a workbook package says about itself, found through its relationships rather than by
 * fixed part names or file order: the sheets in tab order (name, visibility, part), the date
 * system, the shared strings and which cell styles are dates.
 */
import { isDateNumberFormat } from '../../core/number-format';
import { FileReadError } from '../read-error';
import { decodeCellText } from '../sheet-xml';
import { parseXmlStream, parseXmlText, XmlPartError } from './xml';
import type { ZipPackage } from './zip-package';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

export interface SheetPart {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** The part holding its cells, or null when the workbook names none (a chart sheet, a broken link). */
  readonly part: string | null;
}

export interface WorkbookParts {
  readonly workbookPart: string;
  /** Worksheets in tab order (chart and dialog sheets left out). */
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  readonly sharedStringsPart: string | null;
  readonly stylesPart: string | null;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The part a relationship target names, from the folder of the part that holds it. */
export function resolvePart(fromPart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  if (clean.startsWith('/')) return clean.replace(/^\/+/, '');
  const parts = fromPart.split('/').slice(0, -1);
  for (const segment of clean.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own: `_rels/.rels`). */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? `_rels/${part}.rels` : `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function damaged(pkg: ZipPackage, what: string): FileReadError {
  return new FileReadError(`${pkg.path} is damaged: ${what}`, pkg.path);
}

/** A part parsed as XML text, its problems said in the user's terms. */
async function parsePart(
  pkg: ZipPackage,
  part: string,
  handlers: Parameters<typeof parseXmlText>[1],
): Promise<void> {
  const text = await pkg.text(part);
  try {
    parseXmlText(text, handlers);
  } catch (error) {
    if (error instanceof XmlPartError)
      throw damaged(
        pkg,
        `${part} ${error.truncated ? 'is cut short' : `is not well-formed XML (${error.message})`}`,
      );
    throw error;
  }
}

async function relationships(pkg: ZipPackage, part: string): Promise<Relationship[]> {
  const relsPart = part === '' ? '_rels/.rels' : relationshipsPartOf(part);
  if (!pkg.has(relsPart)) return [];
  const out: Relationship[] = [];
  await parsePart(pkg, relsPart, {
    open(name, a) {
      if (name === 'Relationship' && a.Target !== undefined)
        out.push({
          id: a.Id ?? '',
          type: a.Type ?? '',
          target: a.Target,
          external: a.TargetMode === 'External',
        });
    },
  });
  return out;
}

/** The workbook part: the package's officeDocument relationship, else the usual name. */
async function findWorkbookPart(pkg: ZipPackage): Promise<string> {
  const rel = (await relationships(pkg, '')).find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  const named = rel ? resolvePart('', rel.target) : 'xl/workbook.xml';
  if (pkg.has(named)) return named;
  if (pkg.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new FileReadError(
    `${pkg.path} is not an Excel workbook: the package has no workbook part (${named})`,
    pkg.path,
  );
}

/** Reads the workbook's structure. Throws `FileReadError`. */
export async function readWorkbookParts(pkg: ZipPackage): Promise<WorkbookParts> {
  const workbookPart = await findWorkbookPart(pkg);
  const rels = await relationships(pkg, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  await parsePart(pkg, workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rel = byId.get(a['r:id'] ?? a.id ?? '');
      if (rel && !WORKSHEET.test(rel.type)) return; // a chart or dialog sheet: no cells
      const part = rel && !rel.external ? resolvePart(workbookPart, rel.target) : null;
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, state: a.state ?? 'visible', part });
    },
  });
  const partOf = (type: RegExp) => {
    const rel = rels.find((r) => type.test(r.type) && !r.external);
    const part = rel ? resolvePart(workbookPart, rel.target) : null;
    return part && pkg.has(part) ? part : null;
  };
  return {
    workbookPart,
    sheets,
    date1904,
    sharedStringsPart: partOf(SHARED_STRINGS),
    stylesPart: partOf(STYLES),
  };
}

/** The shared strings table (rich text runs joined; phonetic guides left out). */
export async function readSharedStrings(pkg: ZipPackage, part: string | null): Promise<string[]> {
  if (!part) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  try {
    await parseXmlStream(await pkg.stream(part), {
      open(name) {
        if (name === 'si') current = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && current && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === 'si' && current) {
          strings.push(decodeCellText(current.join('')));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inText = false;
      },
      text(text) {
        if (inText && current) current.push(text);
      },
    });
  } catch (error) {
    if (error instanceof XmlPartError)
      throw damaged(
        pkg,
        `${part} ${error.truncated ? 'is cut short' : `is not well-formed XML (${error.message})`}`,
      );
    throw error;
  }
  return strings;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30 and the East Asian ids). */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** For each cell style index (`s`), whether its number format is a date or time. */
export async function readDateStyles(pkg: ZipPackage, part: string | null): Promise<boolean[]> {
  if (!part) return [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parsePart(pkg, part, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateNumberFormat(code) : BUILT_IN_DATE_IDS.has(id);
  });
}
