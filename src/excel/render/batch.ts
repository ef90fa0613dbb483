/**
 * Round trips and their size. Every `context.sync()` of a render goes through one counter; writes
 * are queued as steps with an estimate of their request bytes and sent in batches that stay far
 * below Excel on the web's 5 MB request limit, each batch with calculation suspended.
 */

/** Estimated request bytes of a batch: a third of the 5 MB limit leaves room for the estimate's error. */
export const BATCH_BYTES = 1_600_000;
/** What an operation costs besides its arguments (object path, action, ids). */
export const CALL_BYTES = 160;

/** One queued piece of work and an estimate of the request bytes it adds. */
export interface Step {
  readonly bytes: number;
  run(): void;
}

/**
 * UTF-8 length of a text (what the request size limit counts).
 * @example utf8Length('Rp 1.000') // 8
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Estimated request bytes of a call with these arguments.
 * @example callBytes([['=SUM(A1:A3)']]) // 179
 */
export function callBytes(...args: readonly unknown[]): number {
  return CALL_BYTES + utf8Length(JSON.stringify(args) ?? '');
}

/**
 * A step from a cost estimate and an action.
 * @example step(callBytes(values), () => (range.formulas = values))
 */
export const step = (bytes: number, run: () => void): Step => ({ bytes, run });

/** Counts the syncs of one render. */
export class Syncs {
  count = 0;
  constructor(readonly context: Excel.RequestContext) {}

  async sync(): Promise<void> {
    this.count += 1;
    await this.context.sync();
  }
}

/** Sends steps in batches under a byte budget, suspending calculation in each batch. */
export class BatchRunner {
  private bytes = 0;
  private open = false;

  constructor(
    private readonly syncs: Syncs,
    private readonly budget = BATCH_BYTES,
  ) {}

  /** Queues the steps, sending the batch first whenever the next step would overflow it. */
  async run(steps: Iterable<Step>): Promise<void> {
    for (const s of steps) {
      // Batches must go one after another: each holds what the budget allows.

      if (this.open && this.bytes + s.bytes > this.budget) await this.flush();
      if (!this.open) {
        this.syncs.context.application.suspendApiCalculationUntilNextSync();
        this.open = true;
      }
      s.run();
      this.bytes += s.bytes;
    }
  }

  /** Sends what is queued (nothing when the batch is empty). */
  async flush(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.bytes = 0;
    await this.syncs.sync();
  }
}
