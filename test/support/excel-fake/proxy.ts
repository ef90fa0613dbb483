/**
 * The request model of Office.js: proxy objects queue operations, `context.sync()` sends them as
 * one batch and applies them in order. A batch is not a transaction: when one operation fails,
 * the ones before it stay applied and the rest are dropped. Properties can be read only after
 * `load(...)` and a sync. Each batch is measured (operations, UTF-8 bytes of the request and of
 * the response) and can be made to fail, to test what a renderer does then.
 */
import { FakeOfficeError, officeError, type WorkbookState } from './state';

/** Excel on the web refuses requests and responses larger than this. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface OpInfo {
  /** 1-based number of the sync that sends the operation. */
  readonly batch: number;
  readonly index: number;
  /** `Type.member`, e.g. `Range.formulas` or `TableCollection.add`. */
  readonly label: string;
  /** The object path the operation applies to. */
  readonly path: string;
  readonly args: readonly unknown[];
}

export interface BatchRecord {
  readonly index: number;
  readonly ops: OpInfo[];
  /** UTF-8 bytes of the serialized operations and their arguments. */
  readonly bytes: number;
  responseBytes: number;
  /** Whether `suspendApiCalculationUntilNextSync` was queued in this batch. */
  suspended: boolean;
  error?: string;
}

interface Op {
  readonly label: string;
  readonly path: string;
  readonly args: readonly unknown[];
  readonly since: string;
  readonly run: () => unknown;
}

interface Fault {
  readonly scope: 'op' | 'batch';
  readonly match: (info: OpInfo & { ops: readonly OpInfo[] }) => boolean;
  readonly code: string;
  readonly message: string;
  times: number;
}

export class FakeContext {
  readonly batches: BatchRecord[] = [];
  private queue: Op[] = [];
  private readonly faults: Fault[] = [];
  private current?: BatchRecord;
  private response = 0;
  workbook!: unknown;
  application!: unknown;

  constructor(
    readonly state: WorkbookState,
    /** The ExcelApi version the host supports, e.g. `'1.18'`. */
    readonly api: string,
  ) {}

  enqueue(label: string, path: string, args: readonly unknown[], run: () => unknown, since = '1.1'): void {
    this.queue.push({ label, path, args, run, since });
  }

  addFault(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Counts response bytes of loaded data (called by loads while a batch runs). */
  respond(data: unknown): void {
    this.response += utf8(JSON.stringify(data) ?? '');
  }

  markSuspended(): void {
    if (this.current) this.current.suspended = true;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const index = this.batches.length + 1;
    const infos = ops.map((op, i) => ({
      batch: index,
      index: i,
      label: op.label,
      path: op.path,
      args: op.args,
    }));
    const bytes = utf8(
      JSON.stringify(
        infos.map((o) => [o.label, o.path, o.args]),
        replacer,
      ),
    );
    const record: BatchRecord = { index, ops: infos, bytes, responseBytes: 0, suspended: false };
    this.batches.push(record);
    this.current = record;
    this.response = 0;
    await Promise.resolve();
    const fail = (code: string, message: string, location?: string): never => {
      record.error = code;
      throw new FakeOfficeError(code, message, location);
    };
    if (bytes > PAYLOAD_LIMIT)
      fail('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) is too large.`);
    const batchFault = this.take('batch', { ...infos[0], ops: infos, batch: index });
    if (batchFault) fail(batchFault.code, batchFault.message);
    ops.forEach((op, i) => {
      const fault = this.take('op', { ...infos[i], ops: infos });
      if (fault) fail(fault.code, fault.message, op.label);
      if (newer(op.since, this.api)) fail('ApiNotFound', `${op.label} needs ExcelApi ${op.since}.`, op.label);
      try {
        op.run();
      } catch (e) {
        if (e instanceof FakeOfficeError) fail(e.code, e.message, op.label);
        throw e;
      }
    });
    record.responseBytes = this.response;
    if (this.response > PAYLOAD_LIMIT) fail('ResponsePayloadSizeLimitExceeded', 'The response is too large.');
  }

  private take(scope: 'op' | 'batch', info: OpInfo & { ops: readonly OpInfo[] }): Fault | undefined {
    const fault = this.faults.find((f) => f.scope === scope && f.times > 0 && f.match(info));
    if (fault) fault.times -= 1;
    return fault;
  }
}

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Whether requirement set `version` (e.g. `'1.18'`) is newer than `host` (e.g. `'1.9'`). */
export function newer(version: string, host: string): boolean {
  const [a, b] = [version, host].map((v) => v.split('.').map(Number));
  return a[0] !== b[0] ? a[0] > b[0] : (a[1] ?? 0) > (b[1] ?? 0);
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof FakeObject ? { path: value.path } : value;
}

/** How a property reads from and writes to the object it stands for. */
export interface PropSpec<T> {
  readonly get?: (target: T, proxy: FakeObject<T>) => unknown;
  readonly set?: (target: T, value: never, proxy: FakeObject<T>) => void;
  readonly since?: string;
}

const SPECS = new WeakMap<object, Record<string, PropSpec<never>>>();

/** Declares the scalar properties of a proxy class: readable after load, writable as queued operations. */
export function defineProps<T>(
  cls: { prototype: FakeObject<T>; typeName: string },
  specs: Record<string, PropSpec<T>>,
): void {
  SPECS.set(cls.prototype, specs as Record<string, PropSpec<never>>);
  for (const [name, spec] of Object.entries(specs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject<T>) {
        return this.loadedValue(name);
      },
      set(this: FakeObject<T>, value: unknown) {
        if (!spec.set) throw new TypeError(`${cls.typeName}.${name} is read-only`);
        this.queue(
          `${cls.typeName}.${name}`,
          [value],
          () => spec.set!(this.target(), value as never, this),
          spec.since,
        );
      },
    });
  }
}

/** A proxy: an object path resolved when its first operation runs, then bound to that object. */
export class FakeObject<T = unknown> {
  static typeName = 'Object';
  private bound = false;
  private boundValue: T | null = null;
  private known = false;
  protected readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, FakeObject<unknown>>();

  constructor(
    readonly context: FakeContext,
    readonly path: string,
    private readonly locate: () => T | null,
  ) {}

  get typeName(): string {
    return (this.constructor as typeof FakeObject).typeName;
  }

  /** Binds the proxy to an object created by an operation (`add`). */
  bind(value: T): void {
    this.bound = true;
    this.boundValue = value;
    this.known = true;
  }

  resolve(): T | null {
    if (!this.bound) {
      this.boundValue = this.locate();
      this.bound = true;
    }
    this.known = true;
    return this.boundValue;
  }

  target(): T {
    const value = this.resolve();
    if (value === null) throw officeError('ItemNotFound', `${this.path} does not exist.`);
    return value;
  }

  get isNullObject(): boolean {
    if (!this.known) throw notLoaded(this.path, 'isNullObject');
    return this.boundValue === null;
  }

  queue(label: string, args: readonly unknown[], run: () => unknown, since?: string): void {
    this.context.enqueue(label, this.path, args, run, since);
  }

  /** A navigation property: one child proxy per name, resolved through this object. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  child<C extends FakeObject<any>>(
    name: string,
    make: (path: string, locate: () => any) => C,
    pick: (target: T) => unknown,
  ): C {
    let c = this.children.get(name) as C | undefined;
    if (!c) {
      c = make(`${this.path}.${name}`, () => {
        const t = this.resolve();
        return t === null ? null : pick(t);
      });
      this.children.set(name, c as FakeObject<unknown>);
    }
    return c;
  }

  loadedValue(name: string): unknown {
    if (!this.loaded.has(name)) throw notLoaded(this.path, name);
    return this.loaded.get(name);
  }

  load(what?: string | string[] | { select?: string }): this {
    const list =
      typeof what === 'string' ? what : Array.isArray(what) ? what.join(',') : (what?.select ?? '');
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    this.queue(`${this.typeName}.load`, [names], () => {
      const target = this.resolve();
      if (target === null) return;
      const specs = specsOf(this);
      const direct = names.filter((n) => !n.startsWith('items/'));
      const items = names.filter((n) => n.startsWith('items/')).map((n) => n.slice(6));
      for (const name of direct.length || items.length ? direct : Object.keys(specs)) {
        const spec = specs[name];
        if (!spec?.get)
          throw officeError('InvalidArgument', `${this.typeName} has no property ${name} to load.`);
        const value = spec.get(target as never, this as never);
        this.loaded.set(name, value);
        this.context.respond(value);
      }
      if (items.length) this.loadItems(target, items);
    });
    return this;
  }

  /** Collections override this to snapshot their items. */
  protected loadItems(_target: T, _names: string[]): void {
    throw officeError('InvalidArgument', `${this.typeName} is not a collection.`);
  }

  /** Loads `names` on this proxy right away (an item snapshot taken while its collection loads). */
  snapshot(names: readonly string[]): void {
    const target = this.resolve();
    if (target === null) return;
    const specs = specsOf(this);
    for (const name of names) {
      const spec = specs[name];
      if (!spec?.get)
        throw officeError('InvalidArgument', `${this.typeName} has no property ${name} to load.`);
      const value = spec.get(target as never, this as never);
      this.loaded.set(name, value);
      this.context.respond(value);
    }
  }

  /** `object.set({...})`: one operation setting scalar and nested properties. */
  set(properties: Record<string, unknown>): void {
    this.queue(`${this.typeName}.set`, [properties], () => this.applySet(properties));
  }

  applySet(properties: Record<string, unknown>): void {
    const specs = specsOf(this);
    for (const [name, value] of Object.entries(properties)) {
      const spec = specs[name];
      if (spec?.set) {
        if (spec.since && newer(spec.since, this.context.api))
          throw officeError('ApiNotFound', `${name} needs ExcelApi ${spec.since}.`);
        spec.set(this.target() as never, value as never, this as never);
        continue;
      }
      const nested = (this as unknown as Record<string, unknown>)[name];
      if (nested instanceof FakeObject && value && typeof value === 'object')
        nested.applySet(value as Record<string, unknown>);
      else throw officeError('InvalidArgument', `${this.typeName}.${name} cannot be set.`);
    }
  }

  toJSON(): unknown {
    return { path: this.path };
  }
}

function specsOf(proxy: FakeObject<unknown>): Record<string, PropSpec<never>> {
  return SPECS.get(Object.getPrototypeOf(proxy)) ?? {};
}

function notLoaded(path: string, name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' of ${path} is not available. Load it and call context.sync() before reading it.`,
  );
}
