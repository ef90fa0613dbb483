/**
 * A new workbook package holding one data sheet (a CSV's rows as the `Data` sheet of a built
 * workbook), written straight from a grid: no workbook model, no shared strings, the sheet's XML
 * made row by row and compressed once. The product's sheets are spliced into it afterwards, as
 * into any user's package.
 */
import { FONT } from '../sheets/styles';
import { escapeXml } from './charts/xml';
import type { CellGrid } from './grid';
import { cellXml, columnName, MAX_CELL_TEXT } from './sheet-xml';
import { ZipWriter } from './zip-writer';

/** Excel's largest sheet. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface GridSheet {
  readonly name: string;
  /** Header row first. */
  readonly grid: CellGrid;
  /** Number format per header text (e.g. `{ 'Order Date': 'yyyy-mm-dd' }`); dates default to yyyy-mm-dd. */
  readonly formats?: Readonly<Record<string, string>>;
  /** Filter buttons on the header row (default true). */
  readonly autoFilter?: boolean;
}

/** A cell whose text was longer than a cell holds and was cut (1-based sheet row, column letters). */
export interface CutCell {
  readonly row: number;
  readonly column: string;
  readonly length: number;
}

export interface GridPackage {
  readonly buffer: Buffer;
  /** Cells cut at Excel's limit of 32,767 characters (the first 100). */
  readonly cut: readonly CutCell[];
  readonly cutCount: number;
}

function widthOf(header: string, format: string | undefined): number {
  const base = Math.max(10, header.length + 2);
  return format && /[dmy]/.test(format) ? Math.max(base, 12) : format ? Math.max(base, 14) : base;
}

/** The styles part: General, a bold header, and one cell format per number format used. */
function stylesXml(formats: readonly string[]): string {
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="${FONT.name}"/><family val="${FONT.family}"/></font>`;
  const numFmts = formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`);
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...formats.map(
      (_, i) =>
        `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ),
  ];
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
  );
}

/**
 * Writes the sheet as a package of its own. Throws when the grid is larger than a sheet.
 * @example
 * const { buffer } = dataPackage({ name: 'Data', grid: gridOfRows(rows), formats: { Date: 'yyyy-mm-dd' } });
 */
export function dataPackage(sheet: GridSheet): GridPackage {
  const { grid } = sheet;
  if (grid.rowCount > SHEET_ROWS || grid.columnCount > SHEET_COLUMNS)
    throw new Error(
      `${grid.rowCount.toLocaleString('en-US')} rows × ${grid.columnCount.toLocaleString('en-US')} columns ` +
        `do not fit in a sheet (${SHEET_ROWS.toLocaleString('en-US')} × ${SHEET_COLUMNS.toLocaleString('en-US')})`,
    );
  const width = grid.columnCount;
  const header = Array.from({ length: width }, (_, c) => {
    const value = grid.rowCount > 0 ? grid.cell(0, c) : null;
    return value === null || value === undefined ? '' : String(value);
  });
  const given = header.map((h) => sheet.formats?.[h]);
  const codes: string[] = [];
  const styleOf = (code: string) => {
    let at = codes.indexOf(code);
    if (at < 0) at = codes.push(code) - 1;
    return 2 + at;
  };
  const dateStyle = styleOf('yyyy-mm-dd');
  const numberStyles = given.map((code) => (code ? styleOf(code) : 0));
  const dateStyles = given.map((code) => (code && /[dmy]/i.test(code) ? styleOf(code) : dateStyle));
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  const lastRef = `${columnName(Math.max(0, width - 1))}${Math.max(1, grid.rowCount)}`;
  const filter = sheet.autoFilter !== false && width > 0;

  const zip = new ZipWriter();
  const part = zip.begin('xl/worksheets/sheet1.xml');
  part.write(
    Buffer.from(
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
        `<dimension ref="A1:${lastRef}"/>` +
        '<sheetViews><sheetView workbookViewId="0">' +
        (grid.rowCount > 1
          ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
          : '') +
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        (width > 0
          ? `<cols>${header
              .map(
                (h, c) =>
                  `<col min="${c + 1}" max="${c + 1}" width="${widthOf(h, given[c])}" customWidth="1"/>`,
              )
              .join('')}</cols>`
          : '') +
        '<sheetData>',
    ),
  );
  const cut: CutCell[] = [];
  let cutCount = 0;
  let atRow = 0;
  let atColumn = 0;
  const onCut = () => {
    cutCount++;
    if (cut.length < 100)
      cut.push({
        row: atRow,
        column: letters[atColumn],
        length: String(grid.cell(atRow - 1, atColumn)).length,
      });
  };
  let xml = '';
  for (let r = 0; r < grid.rowCount; r++) {
    const number = r + 1;
    xml += `<row r="${number}">`;
    for (let c = 0; c < width; c++) {
      atRow = number;
      atColumn = c;
      xml += cellXml(
        letters[c] + number,
        grid.cell(r, c),
        r === 0 ? 1 : numberStyles[c],
        dateStyles[c],
        onCut,
      );
    }
    xml += '</row>';
    if (xml.length > 1 << 20) {
      part.write(Buffer.from(xml));
      xml = '';
    }
  }
  xml += '</sheetData>';
  if (filter) xml += `<autoFilter ref="A1:${lastRef}"/>`;
  xml +=
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  part.write(Buffer.from(xml));
  part.end();

  const name = escapeXml(sheet.name);
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  zip.add(
    '[Content_Types].xml',
    Buffer.from(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ),
  );
  zip.add(
    '_rels/.rels',
    Buffer.from(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  );
  zip.add(
    'xl/workbook.xml',
    Buffer.from(
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
        '<bookViews><workbookView activeTab="0"/></bookViews>' +
        `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>` +
        (filter
          ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(quoted)}!$A$1:$${lastRef.replace(/(\d+)$/, '$$$1')}</definedName></definedNames>`
          : '') +
        '<calcPr calcId="191029"/></workbook>',
    ),
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    Buffer.from(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  zip.add('xl/styles.xml', Buffer.from(stylesXml(codes)));
  return { buffer: zip.finish(), cut, cutCount };
}

export { MAX_CELL_TEXT };
