/**
 * Writes the product's sheets into a copy of the user's `.xlsx` package without loading the
 * user's sheets into a workbook model: the product's existing sheets alone are opened (for the
 * cells people typed, last week's actions and the saved configuration), our sheets are rendered
 * into a small workbook of their own, and `spliceSheets` puts them into the package.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetPlan } from '../sheets/plan';
import { mergePeopleAreas } from '../sheets/merge';
import { addCharts } from './charts';
import { parseRelationships, relsPathOf, resolveTarget } from './charts/package';
import { attributes, findTags } from './charts/xml';
import { areaRangeName, readPeopleAreas, readRangeValues, renderSheetPlan } from './render';
import { spliceSheets } from './splice';

/** The sheets of a package in tab order: name, state and part. */
export interface PackageSheet {
  readonly name: string;
  readonly state: string;
  readonly part: string;
}

/** The sheets `xl/workbook.xml` lists, in tab order, and whether dates count from 1904. */
export async function packageSheets(zip: JSZip): Promise<{ sheets: PackageSheet[]; date1904: boolean }> {
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = parseRelationships((await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '');
  const block = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  const sheets = findTags(block, 'sheet').map((tag) => {
    const a = attributes(tag);
    const rid = a[Object.keys(a).find((k) => k.endsWith(':id')) ?? ''];
    const rel = rels.find((r) => r.id === rid);
    return {
      name: a.name,
      state: a.state ?? 'visible',
      part: rel ? resolveTarget('xl/workbook.xml', rel.target) : '',
    };
  });
  const pr = findTags(workbookXml, 'workbookPr')[0];
  const flag = pr ? attributes(pr).date1904 : undefined;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/**
 * A workbook model holding only the sheets `keep` accepts (with the workbook's names, styles and
 * shared strings), loaded from a copy of the package with the other sheets taken out. An empty
 * workbook (with the package's date system) when no sheet is kept.
 * @example const ours = await openSheetsOf(buffer, (name) => name === 'Dashboard');
 */
export async function openSheetsOf(
  buffer: Buffer,
  keep: (name: string) => boolean,
): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(buffer);
  const { sheets, date1904 } = await packageSheets(zip);
  const workbook = new ExcelJS.Workbook();
  if (!sheets.some((s) => keep(s.name))) {
    workbook.properties.date1904 = date1904;
    return workbook;
  }
  let workbookXml = (await zip.file('xl/workbook.xml')!.async('string'))!;
  let rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string'))!;
  const relsList = parseRelationships(rels);
  for (const tag of findTags(workbookXml, 'sheet')) {
    const a = attributes(tag);
    if (keep(a.name)) continue;
    const rid = a[Object.keys(a).find((k) => k.endsWith(':id')) ?? ''];
    const rel = relsList.find((r) => r.id === rid);
    workbookXml = workbookXml.replace(tag, '');
    if (!rel) continue;
    const part = resolveTarget('xl/workbook.xml', rel.target);
    zip.remove(part);
    zip.remove(relsPathOf(part));
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*/>`), '');
  }
  // Sheet-local names would point at other sheets once the indexes shift: they are not needed here.
  workbookXml = workbookXml.replace(
    /<definedName\b[^>]*\slocalSheetId="[^"]*"[^>]*>[\s\S]*?<\/definedName>/g,
    '',
  );
  zip.file('xl/workbook.xml', workbookXml);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  const pruned = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  await workbook.xlsx.load(pruned as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Renders the plans (keeping what people typed in the sheets `existing` holds) into a fresh
 * workbook, adds their charts, and splices them into the package `source`; returns the new
 * package. `existing` is the product's current sheets (`openSheetsOf`), or an empty workbook;
 * `source` may be the package opened already (it is then changed).
 * @example
 * const existing = await openSheetsOf(buffer, isProductSheet);
 * await writeFile(out, await writeIntoPackage(buffer, existing, [dashboard, review]));
 */
export async function writeIntoPackage(
  source: Buffer | JSZip,
  existing: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
): Promise<Buffer> {
  const fresh = new ExcelJS.Workbook();
  fresh.properties.date1904 = Boolean(existing.properties?.date1904);
  for (const plan of plans) {
    renderSheetPlan(fresh, mergePeopleAreas(plan, readPeopleAreas(existing, plan.name, plan)));
  }
  // Our package is only read again by the splice, which compresses what it takes: left
  // uncompressed, it costs no compressing on the way.
  const stored: Partial<ExcelJS.XlsxWriteOptions> = { zip: { compression: 'STORE' } };
  let ours: Buffer = Buffer.from(await fresh.xlsx.writeBuffer(stored));
  const charts = plans
    .filter((p) => p.charts.length > 0)
    .map((p) => ({ sheetName: p.name, charts: p.charts }));
  if (charts.length > 0) ours = await addCharts(ours, charts, (ref) => readRangeValues(fresh, ref), 'STORE');
  const names = new Set<string>();
  const prefixes = plans.map((plan) => areaRangeName(plan.name, ''));
  for (const plan of plans) for (const n of plan.namedRanges) names.add(n.name);
  return spliceSheets(source, ours, {
    dropName: (name) => names.has(name) || prefixes.some((p) => name.startsWith(p)),
    fullCalcOnLoad: plans.some((p) => p.cells.some((c) => c.formula !== undefined)),
    ...(plans.some((p) => p.active) ? { activeSheet: plans.find((p) => p.active)!.name } : {}),
  });
}
