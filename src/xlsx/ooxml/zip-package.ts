/**
 * The zip layer of an `.xlsx` package, read from its central directory (random access, so part
 * order in the file does not matter), with every way a package can be damaged turned into one
 * plain sentence: a file cut short, two entries with one name, an entry whose bytes fail their
 * checksum, an entry that is missing.
 */
import { Readable, Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { describeFsError, FileReadError } from '../read-error';

/** A package part name as OOXML compares them: no leading slash, case-insensitive. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, '').replace(/\\/g, '/').toLowerCase();
}

function damaged(path: string, what: string): FileReadError {
  return new FileReadError(`${path} is damaged: ${what}`, path);
}

/** Why yauzl refused a file, in the user's terms. */
function openProblem(path: string, error: Error): FileReadError {
  if ((error as { code?: string }).code) return describeFsError(error, path);
  const message = error.message ?? String(error);
  if (/end of central directory|central directory|eof|truncated|offset|out of range|beyond/i.test(message))
    return damaged(
      path,
      'the zip package is incomplete (its directory is missing or points past the end of the file) — it was probably cut off while being copied, downloaded or saved. Save or copy it again',
    );
  return damaged(path, `it is not a readable zip package (${message})`);
}

export class ZipPackage {
  private constructor(
    readonly path: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  /**
   * Opens a package and reads its directory. Throws `FileReadError` when the directory is missing
   * or unreadable, or when two entries share a name.
   */
  static async open(path: string): Promise<ZipPackage> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        path,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
        (error, file) =>
          error || !file ? reject(openProblem(path, error ?? new Error('no file'))) : resolve(file),
      ),
    );
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          const key = partKey(entry.fileName);
          if (entries.has(key) && !key.endsWith('/')) {
            reject(
              damaged(
                path,
                `the zip package holds two entries named ${entry.fileName}; Excel refuses such files too. Open it in the program that made it and save it again`,
              ),
            );
            return;
          }
          entries.set(key, entry);
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', (error: Error) => reject(openProblem(path, error)));
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new ZipPackage(path, zip, entries);
  }

  /** True when the package holds a part of that name. */
  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** Every part name, as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /**
   * The part's bytes as a stream; it fails with a `FileReadError` when the bytes are damaged
   * (bad compressed data, wrong size or checksum). Throws when the part is missing.
   */
  async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(partKey(name));
    if (!entry) throw damaged(this.path, `${name} is missing from the package`);
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) =>
        error || !stream ? reject(this.partProblem(name, error ?? new Error('no stream'))) : resolve(stream),
      ),
    );
    let sum = 0;
    const expected = entry.crc32 >>> 0;
    const check = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        sum = crc32(chunk, sum);
        done(null, chunk);
      },
      flush: (done) =>
        done(
          sum >>> 0 === expected
            ? null
            : damaged(this.path, `${entry.fileName} fails its checksum (the bytes were changed or cut)`),
        ),
    });
    raw.on('error', (error: Error) => check.destroy(this.partProblem(name, error)));
    return raw.pipe(check);
  }

  /** The part as text (UTF-8), checked like `stream`. */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }

  private partProblem(name: string, error: Error): FileReadError {
    if (error instanceof FileReadError) return error;
    return damaged(this.path, `${name} cannot be unpacked (${error.message ?? String(error)})`);
  }
}
