/**
 * LibreOffice as an independent reader of the files we write: converts `.xlsx` to PDF → PNG
 * (to look at charts and layout) and recalculates formulas on load (to check native formulas
 * against values computed another way). Every call starts a fresh, throwaway profile.
 * Tests skip, saying why, when `soffice` is not installed (CI installs it).
 */
import { execFile } from 'child_process';
import { promisify } from 'util';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const run = promisify(execFile);

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The `soffice` executable, when installed. */
export const SOFFICE = onPath('soffice') ?? onPath('libreoffice');
/** `pdftoppm` and `pdftotext` (poppler-utils), when installed. */
export const PDFTOPPM = onPath('pdftoppm');
export const PDFTOTEXT = onPath('pdftotext');

/** `describe` when LibreOffice is installed, else a skipped block with a message saying so. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (SOFFICE) {
    describe(name, body);
  } else {
    describe(name, () => {
      it.skip('needs LibreOffice (soffice) on PATH: apt-get install libreoffice-calc-nogui poppler-utils', () => undefined);
    });
  }
}

/** Settings that make Calc recalculate every formula when it loads a file. */
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function freshProfile(recalc: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  if (recalc) {
    fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
  }
  return dir;
}

/**
 * Converts files in one LibreOffice run (it is slow to start: batch) and returns the output
 * paths, in input order. `to` is a filter spec such as `pdf` or `xlsx`.
 */
export async function convert(files: readonly string[], to: string, outDir: string, options: { recalc?: boolean } = {}): Promise<string[]> {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const profile = freshProfile(options.recalc ?? false);
  fs.mkdirSync(outDir, { recursive: true });
  try {
    await run(SOFFICE, [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files,
    ], { timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = to.split(':')[0];
  return files.map((f) => {
    const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}

/**
 * Converts to PDF, optionally only some pages (`'1-2'`: LibreOffice 7.4+ JSON filter options),
 * so a workbook with a long data sheet does not print hundreds of pages.
 */
export async function convertToPdf(files: readonly string[], outDir: string, options: { recalc?: boolean; pages?: string } = {}): Promise<string[]> {
  const filter = options.pages
    ? `pdf:calc_pdf_Export:${JSON.stringify({ PageRange: { type: 'string', value: options.pages } })}`
    : 'pdf';
  return convert(files, filter, outDir, { recalc: options.recalc });
}

/** Re-saves `.xlsx` files through LibreOffice with recalculation forced on load. */
export async function recalculate(files: readonly string[], outDir: string): Promise<string[]> {
  return convert(files, 'xlsx', outDir, { recalc: true });
}

/** Converts a PDF to PNG pages (`pdftoppm -png -r 60`); returns the page files in order. */
export async function pdfToPng(pdf: string, outPrefix: string, dpi = 60): Promise<string[]> {
  if (!PDFTOPPM) throw new Error('pdftoppm (poppler-utils) is not installed');
  await run(PDFTOPPM, ['-png', '-r', String(dpi), pdf, outPrefix], { timeout: 120000 });
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((f) => path.join(dir, f));
}

/** The text of a PDF with its layout kept (`pdftotext -layout`), e.g. to read chart axis labels. */
export async function pdfToText(pdf: string): Promise<string> {
  if (!PDFTOTEXT) throw new Error('pdftotext (poppler-utils) is not installed');
  const { stdout } = await run(PDFTOTEXT, ['-layout', pdf, '-'], { timeout: 60000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
