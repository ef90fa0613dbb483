/**
 * Adds native charts to a saved `.xlsx` package. ExcelJS cannot write charts, so after it
 * saves, this module adds the chart parts, a drawing part per sheet, the relationships
 * (sheet → drawing → chart), the `<drawing>` element in the sheet (at its schema position)
 * and the content-type overrides.
 */
import JSZip from 'jszip';
import type { ChartPlan } from '../../sheets/plan';
import { chartXml, type ChartCache } from './chart-xml';
import { appendAnchors, drawingXml, maxShapeId, type ChartAnchor } from './drawing-xml';
import { attributes, escapeXml, findTags, NS } from './xml';

/** The charts to place on one sheet. */
export interface SheetCharts {
  readonly sheetName: string;
  readonly charts: readonly ChartPlan[];
}

/** Values of a sheet-qualified range for the chart caches (`undefined` = unknown). */
export type ChartDataResolver = (ref: string) => readonly (string | number | null)[] | undefined;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRels}"></Relationships>`;

/** CT_Worksheet children that must come after `<drawing>` (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

export function parseRelationships(xml: string): Relationship[] {
  return findTags(xml, 'Relationship').map((t) => {
    const a = attributes(t);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

/** Adds a relationship with a fresh `rIdN`; returns the new XML and the id. */
export function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const used = parseRelationships(xml).map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0));
  const id = `rId${Math.max(0, ...used) + 1}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const close = xml.lastIndexOf('</Relationships>');
  const next =
    close >= 0
      ? xml.slice(0, close) + rel + xml.slice(close)
      : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return { xml: next, id };
}

/** Part path a relationship target points at, from the part that owns the `.rels`. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function addOverride(contentTypes: string, partName: string, contentType: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  const at = contentTypes.lastIndexOf('</Types>');
  return `${contentTypes.slice(0, at)}<Override PartName="${partName}" ContentType="${contentType}"/>${contentTypes.slice(at)}`;
}

/**
 * Inserts `<drawing r:id>` as a child of the worksheet root, before the first child that the
 * schema orders after it (nested `extLst`s, e.g. inside conditional formats, do not count).
 */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let depth = 0;
  let rootPrefix = '';
  let insertAt = -1;
  let rootStart = -1;
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    const [, closing, name, , selfClosing] = m;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (closing) {
      depth -= 1;
      if (depth === 0) {
        insertAt = m.index;
        break;
      }
      continue;
    }
    if (depth === 0) {
      rootStart = m.index;
      rootPrefix = name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '';
    } else if (depth === 1 && AFTER_DRAWING.has(local)) {
      insertAt = m.index;
      break;
    }
    if (!selfClosing) depth += 1;
  }
  if (insertAt < 0 || rootStart < 0) throw new Error('Worksheet XML has no root element to add a drawing to');
  let xml =
    sheetXml.slice(0, insertAt) + `<${rootPrefix}drawing r:id="${relId}"/>` + sheetXml.slice(insertAt);
  const rootEnd = xml.indexOf('>', rootStart);
  if (!/xmlns:r="/.test(xml.slice(rootStart, rootEnd))) {
    xml = `${xml.slice(0, rootEnd)} xmlns:r="${NS.r}"${xml.slice(rootEnd)}`;
  }
  return xml;
}

function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

function cacheFor(chart: ChartPlan, resolve: ChartDataResolver | undefined): ChartCache | undefined {
  if (!resolve) return undefined;
  return { categories: resolve(chart.categories), series: chart.series.map((s) => resolve(s.ref)) };
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

/**
 * Adds the charts to the sheets of a saved workbook and returns the new package.
 * `resolve` supplies the cached values (pass one when you have the workbook in memory;
 * without it the parts carry references only, which Excel and LibreOffice fill on load).
 * Throws when a sheet is missing or its existing drawing part cannot be extended. A package that
 * is only read again (spliced into another) is best left uncompressed (`STORE`).
 * @example
 * const out = await addCharts(await wb.xlsx.writeBuffer() as Buffer, [{ sheetName: 'Dashboard', charts: plan.charts }]);
 */
export async function addCharts(
  xlsxBuffer: Buffer,
  charts: readonly SheetCharts[],
  resolve?: ChartDataResolver,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsxBuffer);
  const workbookXml = await readText(zip, 'xl/workbook.xml');
  const workbookRels = await readText(zip, 'xl/_rels/workbook.xml.rels');
  let contentTypes = await readText(zip, '[Content_Types].xml');
  if (!workbookXml || !workbookRels || !contentTypes)
    throw new Error('Not an .xlsx package: workbook parts are missing');
  const sheetRelIds = new Map(
    findTags(workbookXml, 'sheet').map((t) => {
      const a = attributes(t);
      const idKey = Object.keys(a).find((k) => k.endsWith(':id'));
      return [a.name, idKey ? a[idKey] : ''] as const;
    }),
  );
  const wbRels = parseRelationships(workbookRels);
  let nextChart = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawing = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);

  for (const { sheetName, charts: sheetCharts } of charts) {
    if (sheetCharts.length === 0) continue;
    const rel = wbRels.find((r) => r.id === sheetRelIds.get(sheetName));
    if (!rel) throw new Error(`Cannot add charts: the workbook has no sheet named "${sheetName}"`);
    const sheetPath = resolveTarget('xl/workbook.xml', rel.target);
    let sheetXml = (await readText(zip, sheetPath)) ?? '';
    let sheetRels = (await readText(zip, relsPathOf(sheetPath))) ?? EMPTY_RELS;

    const existingTag = findTags(sheetXml, 'drawing')[0];
    let drawingPath: string;
    let drawing: string | undefined;
    if (existingTag) {
      const a = attributes(existingTag);
      const rid = a[Object.keys(a).find((k) => k.endsWith(':id')) ?? ''];
      const drawingRel = parseRelationships(sheetRels).find((r) => r.id === rid);
      if (!drawingRel)
        throw new Error(
          `Sheet "${sheetName}" has a drawing whose relationship is missing; charts were not added`,
        );
      drawingPath = resolveTarget(sheetPath, drawingRel.target);
      drawing = await readText(zip, drawingPath);
    } else {
      drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
      const added = addRelationship(sheetRels, NS.relDrawing, `../${drawingPath.slice(3)}`);
      sheetRels = added.xml;
      sheetXml = insertDrawingElement(sheetXml, added.id);
      contentTypes = addOverride(contentTypes, `/${drawingPath}`, NS.ctDrawing);
    }

    let drawingRels = (await readText(zip, relsPathOf(drawingPath))) ?? EMPTY_RELS;
    let shapeId = drawing ? maxShapeId(drawing) : 1;
    const anchors: ChartAnchor[] = sheetCharts.map((chart) => {
      const chartPath = `xl/charts/chart${nextChart++}.xml`;
      zip.file(chartPath, chartXml(chart, cacheFor(chart, resolve)));
      contentTypes = addOverride(contentTypes!, `/${chartPath}`, NS.ctChart);
      const added = addRelationship(drawingRels, NS.relChart, `../${chartPath.slice(3)}`);
      drawingRels = added.xml;
      shapeId += 1;
      return {
        from: chart.anchor.from,
        to: chart.anchor.to,
        relId: added.id,
        shapeId,
        name: `Chart ${shapeId - 1}`,
      };
    });

    zip.file(drawingPath, drawing ? appendAnchors(drawing, anchors) : drawingXml(anchors));
    zip.file(relsPathOf(drawingPath), drawingRels);
    zip.file(sheetPath, sheetXml);
    zip.file(relsPathOf(sheetPath), sheetRels);
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}
