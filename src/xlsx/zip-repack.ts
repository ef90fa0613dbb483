/**
 * A package read and edited with JSZip, written by `ZipWriter`: the parts left as they were read
 * are copied with their compressed bytes, the others compressed by the platform's deflate. The
 * same parts with the same contents, in the same order, as JSZip's own `generateAsync` with
 * DEFLATE writes, without its JavaScript deflate (which sets up a large state per part) and its
 * stream of workers.
 */
import type JSZip from 'jszip';
import { ZipWriter } from './zip-writer';

/** What JSZip keeps of a part it read and has not been given new content for. */
interface ReadPart {
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly compression: { readonly magic: string };
  readonly compressedContent: Uint8Array;
}

/** The deflate method's mark in JSZip's compressions. */
const DEFLATE_MAGIC = '\x08\x00';

/** The compressed part JSZip holds for `file` when it is still the one read, and deflated. */
function readPartOf(file: JSZip.JSZipObject): ReadPart | null {
  const data = (file as unknown as { _data?: Partial<ReadPart> })._data;
  if (
    !data ||
    typeof data !== 'object' ||
    data.compression?.magic !== DEFLATE_MAGIC ||
    !(data.compressedContent instanceof Uint8Array) ||
    typeof data.crc32 !== 'number' ||
    typeof data.uncompressedSize !== 'number' ||
    data.compressedContent.length !== data.compressedSize
  )
    return null;
  return data as ReadPart;
}

/**
 * The package's bytes: every entry of `zip` in its order (folders as empty entries).
 * @example const bytes = await repack(await JSZip.loadAsync(buffer));
 */
export async function repack(zip: JSZip): Promise<Buffer> {
  const out = new ZipWriter();
  const files: JSZip.JSZipObject[] = [];
  zip.forEach((_, file) => {
    files.push(file);
  });
  for (const file of files) {
    if (file.dir) {
      out.add(file.name, Buffer.alloc(0), true);
      continue;
    }
    const read = readPartOf(file);
    if (read) {
      const bytes = read.compressedContent;
      out.addDeflated(
        file.name,
        read.crc32,
        read.uncompressedSize,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      );
    } else out.add(file.name, await file.async('nodebuffer'));
  }
  return out.finish();
}
