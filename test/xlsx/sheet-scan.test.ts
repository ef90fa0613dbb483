/**
 * The fast worksheet scan against the full parser: on sheets written in many forms (prefixes,
 * quotes, spacing, entities, inline rich text with phonetic runs, formulas, comments, CDATA), the
 * scan either reads exactly what the parser reads or hands over, and the reading the product uses
 * (scan, then parser past the delivered rows) always equals the parser's.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CellValue } from '../../src/core/cell';
import { parseSheetRows, streamSheetRows, type SheetContext } from '../../src/xlsx/ooxml/sheet-rows';
import { scanSheetRows } from '../../src/xlsx/ooxml/sheet-scan';
import { ZipPackage } from '../../src/xlsx/ooxml/zip-package';
import { ZipWriter } from '../../src/xlsx/zip-writer';

const dir = mkdtempSync(join(tmpdir(), 'sheet-scan-'));
const context: SheetContext = {
  strings: ['Bali', 'a & b', ''],
  dateStyles: [false, true],
  date1904: false,
};

type Rows = [number, CellValue[]][];

/** A package of one part, `sheet.xml`, holding `xml`. */
async function packageOf(xml: string): Promise<ZipPackage> {
  const path = join(dir, `part-${Math.random().toString(36).slice(2)}.zip`);
  const zip = new ZipWriter();
  zip.add('sheet.xml', Buffer.from(xml));
  writeFileSync(path, zip.finish());
  return ZipPackage.open(path);
}

/** The product's reading alone (scan, then parser past the delivered rows). */
async function productReading(xml: string): Promise<Rows> {
  const pkg = await packageOf(xml);
  try {
    const product: Rows = [];
    await streamSheetRows(pkg, 'sheet.xml', 'S', context, (n, v) => void product.push([n, v]));
    return product;
  } finally {
    pkg.close();
  }
}

async function readings(xml: string): Promise<{ full: Rows; product: Rows; fast?: Rows }> {
  const pkg = await packageOf(xml);
  try {
    const full: Rows = [];
    const product: Rows = [];
    const fast: Rows = [];
    await parseSheetRows(pkg, 'sheet.xml', 'S', context, (n, v) => void full.push([n, v]));
    await streamSheetRows(pkg, 'sheet.xml', 'S', context, (n, v) => void product.push([n, v]));
    const outcome = await scanSheetRows(
      Readable.from([Buffer.from(xml)]),
      context,
      (n, v) => void fast.push([n, v]),
    );
    return { full, product, ...(outcome.complete ? { fast } : {}) };
  } finally {
    pkg.close();
  }
}

interface Style {
  readonly prefix: string;
  readonly quote: string;
  readonly space: string;
  readonly refs: boolean;
  readonly comment: boolean;
}

type Cell =
  | { kind: 'n'; value: number; date: boolean }
  | { kind: 's'; index: number }
  | { kind: 'inline'; text: string; rich: boolean; phonetic: boolean; cdata: boolean }
  | { kind: 'b'; value: boolean }
  | { kind: 'e'; value: string }
  | { kind: 'f'; value: number }
  | { kind: 'blank' };

const escapeText = (text: string, numeric: boolean) =>
  text.replace(/[&<>]/g, (ch) =>
    numeric ? `&#${ch.charCodeAt(0)};` : { '&': '&amp;', '<': '&lt;', '>': '&gt;' }[ch]!,
  );

function cellXml(cell: Cell, ref: string, style: Style): string {
  const { prefix: p, quote: q, space: s } = style;
  const r = style.refs ? `${s}r=${q}${ref}${q}` : '';
  switch (cell.kind) {
    case 'blank':
      return `<${p}c${r}/>`;
    case 'n': {
      // A date-styled number is a serial within Excel's dates.
      const value = cell.date ? Math.abs(cell.value) % 2_900_000 : cell.value;
      return `<${p}c${r}${cell.date ? `${s}s=${q}1${q}` : ''}><${p}v>${value}</${p}v></${p}c>`;
    }
    case 's':
      return `<${p}c${r}${s}t=${q}s${q}><${p}v>${cell.index}</${p}v></${p}c>`;
    case 'b':
      return `<${p}c${r}${s}t=${q}b${q}><${p}v>${cell.value ? 1 : 0}</${p}v></${p}c>`;
    case 'e':
      return `<${p}c${r}${s}t=${q}e${q}><${p}v>${cell.value}</${p}v></${p}c>`;
    case 'f':
      return `<${p}c${r}><${p}f>SUM(A1:A2)</${p}f><${p}v>${cell.value}</${p}v></${p}c>`;
    case 'inline': {
      const text = cell.cdata
        ? `<![CDATA[${cell.text}]]>`
        : escapeText(cell.text, cell.text.length % 2 === 1);
      const runs = cell.rich
        ? `<${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>${text}</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> x</${p}t></${p}r>`
        : `<${p}t>${text}</${p}t>`;
      const phonetic = cell.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>ふり</${p}t></${p}rPh>` : '';
      return `<${p}c${r}${s}t=${q}inlineStr${q}><${p}is>${runs}${phonetic}</${p}is></${p}c>`;
    }
  }
}

function sheetXml(rows: { number: number; cells: Cell[] }[], style: Style): string {
  const p = style.prefix;
  const ns = p
    ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
    : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const body = rows
    .map(({ number, cells }) => {
      const letters = cells.map((_, i) => String.fromCharCode(65 + i));
      const inner = cells.map((cell, i) => cellXml(cell, `${letters[i]}${number}`, style)).join('');
      const r = style.refs ? ` r=${style.quote}${number}${style.quote}` : '';
      return `${style.comment && number % 2 === 0 ? '<!-- a note -->' : ''}<${p}row${r}>${inner}</${p}row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({
    kind: fc.constant('n' as const),
    value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    date: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('s' as const), index: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    kind: fc.constant('inline' as const),
    text: fc.string({
      unit: fc.constantFrom('a', 'é', '&', '<', '>', ' ', '"', "'", '_', 'x', '0'),
      maxLength: 8,
    }),
    rich: fc.boolean(),
    phonetic: fc.boolean(),
    cdata: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('b' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('e' as const), value: fc.constantFrom('#N/A', '#DIV/0!') }),
  fc.record({ kind: fc.constant('f' as const), value: fc.integer({ min: -100, max: 100 }) }),
  fc.constant({ kind: 'blank' as const }),
);

const style: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom('', '', 'x:'),
  quote: fc.constantFrom('"', '"', "'"),
  space: fc.constantFrom(' ', ' ', '  ', '\n'),
  refs: fc.boolean(),
  comment: fc.boolean(),
});

describe('scanSheetRows', () => {
  it('reads the usual form itself, exactly as the parser does', async () => {
    const xml = sheetXml(
      [
        {
          number: 1,
          cells: [
            { kind: 's', index: 0 },
            { kind: 'n', value: 46027, date: true },
            { kind: 'inline', text: 'a < b', rich: false, phonetic: false, cdata: false },
          ],
        },
        {
          number: 3,
          cells: [
            { kind: 'blank' },
            { kind: 'f', value: 7 },
            { kind: 'b', value: true },
            { kind: 'e', value: '#N/A' },
          ],
        },
      ],
      { prefix: '', quote: '"', space: ' ', refs: true, comment: false },
    );
    const read = await readings(xml);
    expect(read.fast).toEqual(read.full);
    expect(read.full).toEqual([
      [1, ['Bali', new Date(Date.UTC(2026, 0, 5)), 'a < b']],
      [3, [null, 7, true, '#N/A']],
    ]);
  });

  it('hands over what it does not read, and the product reads it as the parser does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ gap: fc.integer({ min: 1, max: 3 }), cells: fc.array(cell, { maxLength: 5 }) }),
          { maxLength: 6 },
        ),
        style,
        async (spec, look) => {
          let number = 0;
          const rows = spec.map(({ gap, cells }) => ({ number: (number += gap), cells }));
          const read = await readings(sheetXml(rows, look));
          expect(read.product).toEqual(read.full);
          if (read.fast) expect(read.fast).toEqual(read.full);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads the usual cell form and its near variants as the parser does (property)', async () => {
    // Cell tags near the form the scan reads in place: r, s and t in any order, repeated or
    // joined by others, references in odd shapes, styles and types it does and does not know.
    // Mostly the usual form, now and then one thing off.
    const ref = fc.constantFrom(
      'A{n}',
      'A{n}',
      'C{n}',
      'b{n}',
      'AA{n}',
      'A0{n}',
      'A{n}0',
      '{n}',
      'A-{n}',
      'A',
      'XFE{n}',
    );
    const styleIndex = fc.constantFrom('0', '1', '1', '01', '', '7', '1 ');
    const type = fc.constantFrom('n', 's', 'str', 'inlineStr', 'inlineStr', 'b', 'e', 'd', 'x', '');
    const numberLike = ['<v>1</v>', '<v>46027</v>', '<v>2</v>', '<v>46027.5</v>', '<v> 3 </v>'];
    const texts = ['<is><t>Bali</t></is>', '<is><t></t></is>', '<is><t>a &lt; b_x000D_</t></is>'];
    const content = fc.constantFrom(
      ...numberLike,
      ...numberLike,
      ...texts,
      '<v>a &amp; b</v>',
      '<v></v>',
      '',
    );
    let scanned = 0;
    const plainCell = fc
      .record({
        r: fc.option(ref, { freq: 4 }),
        s: fc.option(styleIndex, { freq: 2 }),
        t: fc.option(type, { freq: 2 }),
        extra: fc.constantFrom(null, null, null, null, 'cm', 'x'),
        reversed: fc.boolean(),
        spaces: fc.constantFrom(' ', ' ', ' ', '  '),
      })
      .chain((c) =>
        fc.record({
          attributes: fc
            .constant(
              (
                [
                  ['r', c.r],
                  ['s', c.s],
                  ['t', c.t],
                  [c.extra, '1'],
                ].filter(([name, value]) => name !== null && value !== null) as [string, string][]
              ).map(([name, value]) => ({ name, value })),
            )
            .map((list) => (c.reversed ? list.reverse() : list)),
          content:
            c.t === 'inlineStr'
              ? fc.oneof(fc.constantFrom(...texts), content)
              : fc.oneof(fc.constantFrom(...numberLike), content),
          spaces: fc.constant(c.spaces),
        }),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(plainCell, { maxLength: 4 }), { maxLength: 4 }), async (spec) => {
        const body = spec
          .map((cells, i) => {
            const n = i + 1;
            const inner = cells
              .map(
                (c) =>
                  `<c${c.attributes.map((a) => `${c.spaces}${a.name}="${a.value.replace('{n}', String(n))}"`).join('')}>${c.content}</c>`,
              )
              .join('');
            return `<row r="${n}">${inner}</row>`;
          })
          .join('');
        const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
        const read = await readings(xml).catch((error: Error) => error);
        // A sheet the parser refuses (a cell of another row…): the product refuses it too.
        if (read instanceof Error) {
          const problem = read.message.slice(read.message.indexOf(' is damaged: '));
          await expect(productReading(xml)).rejects.toThrow(problem);
          return;
        }
        if (read.fast) scanned++;
        expect(read.product).toEqual(read.full);
        if (read.fast) expect(read.fast).toEqual(read.full);
      }),
      { numRuns: 300 },
    );
    expect(scanned).toBeGreaterThan(30);
  });

  it('hands over a part cut short, so the parser names where', async () => {
    const xml = sheetXml(
      [1, 2, 3].map((number) => ({ number, cells: [{ kind: 'n' as const, value: number, date: false }] })),
      { prefix: '', quote: '"', space: ' ', refs: true, comment: false },
    );
    const cut = xml.slice(0, xml.indexOf('<row r="3"') + 12);
    const delivered: number[] = [];
    const outcome = await scanSheetRows(
      Readable.from([Buffer.from(cut)]),
      context,
      (n) => void delivered.push(n),
    );
    expect(outcome).toEqual({ complete: false, lastRow: 2 });
    await expect(readings(cut)).rejects.toThrow(/cut short after row 2/);
  });
});
