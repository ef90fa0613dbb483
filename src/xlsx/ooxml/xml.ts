/**
 * Streaming XML over package parts: element names without their namespace prefix (writers differ
 * in prefixes: `x:row` and `row` are the same element), attributes as plain strings, and a part
 * that ends before its root element closes reported as cut short.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The local part of a qualified name (`x:row` → `row`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Attribute values by local name (`r:id` → `id` as well as `r:id`). */
function attributesOf(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    const text = typeof value === 'string' ? value : String((value as { value?: unknown })?.value ?? '');
    out[name] = text;
    const short = local(name);
    if (!(short in out)) out[short] = text;
  }
  return out;
}

/** Why a part is not usable XML: malformed, or cut short before its root element closed. */
export class XmlPartError extends Error {
  constructor(
    message: string,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'XmlPartError';
  }
}

/**
 * How attributes reach `open`: by local name as well as qualified (`r:id` → `id`), or as the
 * parser gives them (`plain`: for parts whose attributes are unqualified, read by the million).
 */
export type AttributeNames = 'local' | 'plain';

function parserFor(
  handlers: XmlHandlers,
  names: AttributeNames = 'local',
): { parser: SaxesParser; failure: () => Error | undefined } {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on(
      'opentag',
      names === 'plain'
        ? (tag) => open(local(tag.name), tag.attributes as Record<string, string>)
        : (tag) => open(local(tag.name), attributesOf(tag.attributes as Record<string, unknown>)),
    );
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  return { parser, failure: () => failure };
}

function partError(error: Error): XmlPartError {
  const message = error.message ?? String(error);
  const truncated = /unclosed|unexpected end|end of data|document must contain a root/i.test(message);
  return new XmlPartError(message.replace(/^undefined:/, '').trim(), truncated);
}

/** Parses a whole XML text. Throws `XmlPartError`. */
export function parseXmlText(text: string, handlers: XmlHandlers): void {
  const { parser, failure } = parserFor(handlers);
  try {
    parser.write(text).close();
  } catch (error) {
    throw partError(error as Error);
  }
  const failed = failure();
  if (failed) throw partError(failed);
}

/**
 * Parses an XML stream chunk by chunk (a chunk's handlers run before the next chunk is read).
 * Throws `XmlPartError`; errors of the stream itself are rethrown as they are.
 */
export async function parseXmlStream(
  stream: Readable,
  handlers: XmlHandlers,
  names: AttributeNames = 'local',
): Promise<void> {
  const { parser, failure } = parserFor(handlers, names);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    try {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    } catch (error) {
      stream.destroy();
      throw partError(error as Error);
    }
    const failed = failure();
    if (failed) {
      stream.destroy();
      throw partError(failed);
    }
  }
  try {
    parser.write(decoder.decode()).close();
  } catch (error) {
    throw partError(error as Error);
  }
  const failed = failure();
  if (failed) throw partError(failed);
}
