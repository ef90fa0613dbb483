/** Arrays shorter than this are allocated as usual (small allocations reuse mapped memory). */
const LEAST_LENGTH = 1 << 16;

/**
 * Zeroed memory a file reader set aside for the table it reads (see `read-csv-split.ts`), mapped
 * in ahead by its second thread: the first write to each 4 KB page of fresh memory costs a page
 * fault, some 10 µs, about a hundred milliseconds for the columns of a million rows and as much
 * again for the per-row arrays metrics derive from them. Ingestion carves the table's columns
 * from it and metrics their large per-row arrays; each piece is handed out once, so it is zeroed
 * as a new typed array is. Once it is spent, arrays are allocated as usual.
 */
export class SpareMemory {
  private used = 0;

  /** `leastLength`: arrays shorter than this are allocated as usual. */
  constructor(
    private readonly buffer: ArrayBufferLike,
    private readonly leastLength = LEAST_LENGTH,
  ) {}

  /**
   * `bytes` bytes of it, starting at a multiple of 8, for the caller alone; `undefined` when fewer
   * are left.
   * @example new SpareMemory(new ArrayBuffer(64)).take(40) // { buffer, offset: 0 }
   */
  take(bytes: number): { readonly buffer: ArrayBufferLike; readonly offset: number } | undefined {
    const offset = this.used;
    if (!(bytes >= 0) || offset + bytes > this.buffer.byteLength) return undefined;
    this.used = offset + 8 * Math.ceil(bytes / 8);
    return { buffer: this.buffer, offset };
  }

  /** A zeroed `Int32Array` of `length` from it, or `undefined` (too short to be worth it, or too few bytes left). */
  int32s(length: number): Int32Array | undefined {
    const piece = length >= this.leastLength ? this.take(4 * length) : undefined;
    return piece && new Int32Array(piece.buffer, piece.offset, length);
  }

  /** A zeroed `Uint8Array` of `length` from it, or `undefined` (see {@link int32s}). */
  uint8s(length: number): Uint8Array | undefined {
    const piece = length >= this.leastLength ? this.take(length) : undefined;
    return piece && new Uint8Array(piece.buffer, piece.offset, length);
  }
}

/** The memory set aside for a table, and for what is derived from it (see {@link shareSpareMemory}). */
const SPARE = new WeakMap<object, SpareMemory>();

/** Files `memory` as the spare memory of `owner` (a table, or what is computed from one). */
export function setSpareMemory(owner: object, memory: SpareMemory | undefined): void {
  if (memory) SPARE.set(owner, memory);
}

/** Gives `to` the spare memory of `from`, if any. */
export function shareSpareMemory(from: object, to: object): void {
  setSpareMemory(to, SPARE.get(from));
}

/**
 * A zeroed `Int32Array` of `length`, from the spare memory of `owner` when it has enough left.
 * @example spareInt32s(table, table.length) // as new Int32Array(table.length)
 */
export function spareInt32s(owner: object, length: number): Int32Array {
  return SPARE.get(owner)?.int32s(length) ?? new Int32Array(length);
}

/** A zeroed `Uint8Array` of `length`, from the spare memory of `owner` when it has enough left. */
export function spareUint8s(owner: object, length: number): Uint8Array {
  return SPARE.get(owner)?.uint8s(length) ?? new Uint8Array(length);
}
