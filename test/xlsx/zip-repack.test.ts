import JSZip from 'jszip';
import { repack } from '../../src/xlsx/zip-repack';

/** Every entry's name and content, in order. */
async function entries(bytes: Buffer): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  const files: JSZip.JSZipObject[] = [];
  zip.forEach((_, file) => {
    files.push(file);
  });
  for (const file of files) out.push([file.name, file.dir ? '/' : await file.async('string')]);
  return out;
}

async function source(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook>' + 'x'.repeat(5000) + '</workbook>');
  zip.file('xl/media/image1.png', Buffer.from([137, 80, 78, 71, 0, 1, 2, 3]), { compression: 'STORE' });
  zip.folder('xl/empty');
  zip.file('xl/worksheets/sheet1.xml', '<worksheet>é ' + 'row '.repeat(2000) + '</worksheet>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('repack', () => {
  it('writes the parts JSZip would write, in its order, edited or not', async () => {
    const edit = (zip: JSZip) => {
      zip.file('xl/workbook.xml', '<workbook>changed</workbook>', { createFolders: false });
      zip.file('xl/worksheets/sheet2.xml', '<worksheet>new ü</worksheet>', { createFolders: false });
      zip.remove('[Content_Types].xml');
      zip.file('[Content_Types].xml', '<Types>again</Types>', { createFolders: false });
    };
    const a = await JSZip.loadAsync(await source());
    edit(a);
    const b = await JSZip.loadAsync(await source());
    edit(b);
    const ours = await repack(a);
    const theirs = await b.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await entries(ours)).toEqual(await entries(theirs));
  });

  it('copies a deflated part left as read without compressing it again', async () => {
    const input = await source();
    const zip = await JSZip.loadAsync(input);
    const out = await repack(zip);
    const sheet = await JSZip.loadAsync(out);
    expect(await sheet.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/^<worksheet>é row /);
    // The sheet's compressed bytes appear unchanged in the new package.
    const read = (
      zip.file('xl/worksheets/sheet1.xml') as unknown as { _data: { compressedContent: Uint8Array } }
    )._data.compressedContent;
    expect(out.includes(Buffer.from(read))).toBe(true);
    expect(await entries(out)).toEqual(await entries(input));
  });
});
