/**
 * The drawing part (`xl/drawings/drawingN.xml`, `xdr:wsDr`) that places charts on a sheet:
 * one `xdr:twoCellAnchor` with an `xdr:graphicFrame` per chart, pointing at the chart part
 * through the drawing's relationships.
 */
import { fromA1 } from '../../sheets/a1';
import { escapeXml, NS } from './xml';

/** One chart placed on the sheet. */
export interface ChartAnchor {
  /** Top-left and bottom-right cells the chart covers (inclusive). */
  readonly from: string;
  readonly to: string;
  /** Relationship id of the chart part in the drawing's `.rels`. */
  readonly relId: string;
  /** Drawing-unique shape id (`cNvPr/@id`). */
  readonly shapeId: number;
  readonly name: string;
}

/**
 * One anchor. The `to` marker is the cell *after* the covered range (zero offsets), so
 * `to: 'H15'` ends exactly at the bottom-right corner of H15.
 * @example anchorXml({ from: 'A1', to: 'H15', relId: 'rId1', shapeId: 2, name: 'Chart 1' })
 */
export function anchorXml(anchor: ChartAnchor): string {
  const from = fromA1(anchor.from);
  const to = fromA1(anchor.to);
  if (!from || !to) throw new Error(`Chart anchor ${anchor.from}:${anchor.to} is not a pair of A1 cells`);
  const marker = (tag: string, col: number, row: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', from.column - 1, from.row - 1) +
    marker('to', to.column, to.row) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${anchor.shapeId}" name="${escapeXml(anchor.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${escapeXml(anchor.relId)}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** A whole drawing part holding the given anchors. */
export function drawingXml(anchors: readonly ChartAnchor[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.map(anchorXml).join('')}</xdr:wsDr>`
  );
}

/**
 * Adds anchors to an existing drawing part (ExcelJS writes one for images). Its root must be
 * `xdr:wsDr` with the `xdr` and `a` prefixes bound as ExcelJS and Excel write them.
 */
export function appendAnchors(existing: string, anchors: readonly ChartAnchor[]): string {
  const close = existing.lastIndexOf('</xdr:wsDr>');
  if (close < 0 || !existing.includes(`xmlns:xdr="${NS.xdr}"`)) {
    throw new Error(
      'The sheet already has a drawing part this writer does not understand; charts were not added',
    );
  }
  let xml = existing;
  if (!/<xdr:wsDr[^>]*xmlns:a=/.test(xml)) xml = xml.replace('<xdr:wsDr', `<xdr:wsDr xmlns:a="${NS.a}"`);
  const at = xml.lastIndexOf('</xdr:wsDr>');
  return xml.slice(0, at) + anchors.map(anchorXml).join('') + xml.slice(at);
}

/** Largest `cNvPr/@id` in a drawing part (0 when none), so new shapes get fresh ids. */
export function maxShapeId(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}
