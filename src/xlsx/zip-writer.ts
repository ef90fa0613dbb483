/**
 * A small zip writer for the packages written here: parts added as bytes (compressed with the
 * platform's deflate unless told to store them) or written piece by piece (each piece compressed
 * as it comes, so a large part is never held uncompressed), and the central directory at the
 * end. No zip64: a part or a package past 4 GB is refused with a message.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly offset: number;
}

const LIMIT = 0xffffffff;
/** 1980-01-01 00:00 in DOS date/time: parts carry no real time, so packages are repeatable. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** An empty final deflate block: ends a stream of pieces each compressed up to a sync point. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** A part being written piece by piece. */
export interface PartWriter {
  write(piece: Buffer): void;
  end(): void;
}

/**
 * Collects parts and gives the package's bytes.
 * @example
 * const zip = new ZipWriter();
 * zip.add('[Content_Types].xml', Buffer.from(xml));
 * const bytes = zip.finish();
 */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** Adds a part; `store` keeps it uncompressed (already small, or already compressed). */
  add(name: string, content: Buffer, store = false): void {
    const data = store ? content : deflateRawSync(content, { level: 6 });
    this.push(name, crc32(content) >>> 0, content.length, [data], store ? 0 : 8);
  }

  /**
   * Adds a part already deflated elsewhere (a part of another package, copied as it is), with
   * the checksum and size of its content.
   */
  addDeflated(name: string, crc: number, size: number, deflated: Buffer): void {
    this.push(name, crc >>> 0, size, [deflated], 8);
  }

  /**
   * Starts a compressed part written piece by piece: each piece is compressed up to a sync point
   * (raw deflate streams chain that way), so memory holds the compressed part only.
   * @example const sheet = zip.begin('xl/worksheets/sheet1.xml'); sheet.write(rowsXml); sheet.end();
   */
  begin(name: string): PartWriter {
    const chunks: Buffer[] = [];
    let crc = 0;
    let size = 0;
    return {
      write: (piece) => {
        crc = crc32(piece, crc);
        size += piece.length;
        chunks.push(deflateRawSync(piece, { level: 3, finishFlush: constants.Z_SYNC_FLUSH }));
      },
      end: () => {
        chunks.push(FINAL_BLOCK);
        this.push(name, crc >>> 0, size, chunks, 8);
      },
    };
  }

  private push(name: string, crc: number, size: number, chunks: readonly Buffer[], method: 0 | 8): void {
    const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (size > LIMIT || this.offset + data.length > LIMIT)
      throw new Error(`${name} is larger than a package this writes holds (4 GB)`);
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc, size, data, method, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    this.chunks.push(header, entry.name, data);
    this.offset += header.length + entry.name.length + data.length;
    this.entries.push(entry);
  }

  /** The package: every part, then the central directory. */
  finish(): Buffer {
    const start = this.offset;
    let size = 0;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(entry.method, 10);
      record.writeUInt16LE(0, 12);
      record.writeUInt16LE(DOS_DATE, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.data.length, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      this.chunks.push(record, entry.name);
      size += record.length + entry.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    this.chunks.push(end);
    return Buffer.concat(this.chunks);
  }
}
