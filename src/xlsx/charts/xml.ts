/** XML text helpers for the chart parts (no DOM: the parts are small and written whole). */

/**
 * Drops characters XML 1.0 cannot hold (C0 controls other than tab/newline/return, U+FFFE/U+FFFF,
 * lone surrogates): one of them in a part makes the whole file unreadable.
 * @example xmlSafe('a\u0001b\uFFFE') // 'ab'
 */
export function xmlSafe(text: string): string {
  return text.replace(
    // The control characters are the point of this pattern.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Escapes text for element content and attribute values (and drops what XML cannot hold). */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Reverses `escapeXml` and numeric character references. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The attributes of one raw start tag, as name → unescaped value. */
export function attributes(tagText: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tagText.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Every start or empty tag named `localName` (any prefix), as raw text. */
export function findTags(xml: string, localName: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[0]);
}

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  relDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  relChart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  ctChart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  ctDrawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
} as const;
