/** Shared helpers for the renderer tests: save/reload through a real package, unzip parts. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function reload(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

export async function saveAndReload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return reload(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Text of every part of a package, by path. */
export async function unzipText(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const path of Object.keys(zip.files)) {
    const file = zip.file(path);
    if (file) out.set(path, await file.async('string'));
  }
  return out;
}

/** Path of a sheet's XML part by sheet name (through workbook.xml and its rels). */
export function sheetPart(parts: Map<string, string>, name: string): string {
  const wb = parts.get('xl/workbook.xml')!;
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(parts.get('xl/_rels/workbook.xml.rels')!)?.[1]
    ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(parts.get('xl/_rels/workbook.xml.rels')!)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The raw `<c …>…</c>` element of one cell in a sheet part. */
export function cellXml(sheetXml: string, ref: string): string | undefined {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  return m?.[0];
}

/** ExcelJS spells "no style" several ways (absent, `{}`, `pattern: 'none'`, the default font): one spelling. */
function normaliseLook(key: string, look: unknown): unknown {
  if (look === undefined || look === null) return undefined;
  if (typeof look === 'object' && Object.keys(look as object).length === 0) return undefined;
  if (key === 'fill' && (look as { pattern?: string }).pattern === 'none') return undefined;
  if (key === 'font') {
    const f = look as Record<string, unknown>;
    const isDefault = f.name === 'Calibri' && f.size === 11 && Object.keys(f).every((k) => ['name', 'size', 'family', 'scheme', 'color'].includes(k))
      && (f.color === undefined || (f.color as { theme?: number }).theme === 1);
    if (isDefault) return undefined;
  }
  return look;
}

/** A comparable snapshot of a sheet: every cell's value, formula, format and look. */
export function snapshotSheet(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = {
        value: cell.value instanceof Date ? cell.value.toISOString() : cell.value,
        numFmt: cell.numFmt,
        font: normaliseLook('font', cell.font),
        fill: normaliseLook('fill', cell.fill),
        alignment: normaliseLook('alignment', cell.alignment),
        border: normaliseLook('border', cell.border),
      };
    });
  });
  out['#merges'] = (ws.model as { merges?: string[] }).merges ?? [];
  out['#widths'] = (ws.columns ?? []).map((c) => c.width ?? null);
  out['#state'] = ws.state;
  return out;
}

/**
 * Numeric cached values of a sheet straight from its XML (`<c r=…><v>…</v>`): ExcelJS reads a
 * formula's cached 0 as no result, so checks of recalculated files read the XML instead.
 */
export function numericValues(sheetXml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
    if (/t="(s|str|inlineStr|e|b)"/.test(m[2])) continue;
    const v = /<v>([^<]*)<\/v>/.exec(m[3]);
    if (v) out.set(m[1], Number(v[1]));
  }
  return out;
}
