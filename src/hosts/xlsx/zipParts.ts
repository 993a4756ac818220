/**
 * The parts of a JSZip package read and written without JSZip's own slow paths, in Node and in
 * the browser alike:
 * - `partText` and `partContent` take a part we put in as a string or bytes as it is, and convert
 *   the rest with the platform's TextDecoder (packZip encodes text with its TextEncoder). JSZip converts UTF-8 in JavaScript in
 *   a browser, and hands any part over in 16 KB chunks it joins again (at 50k accounts, 0.9 s of the
 *   standalone page's 6 s of writing).
 * - `packZip` writes the package as .zip bytes, each part compressed by the host's PartPacker:
 *   Node's zlib (node/zip.ts), or the platform's CompressionStream fed a slice at a time
 *   (`streamPacker`, the standalone page, whose main thread it leaves free between slices), where
 *   JSZip deflates in JavaScript (pako). Parts still exactly as loaded from the input are copied
 *   compressed as they are. No ZIP64: a package past 65,535 entries or 4 GB is left to JSZip.
 */
import type JSZip from 'jszip';
import type { PassThrough } from './save';

/** One part as the zip stores it. */
export interface PackedPart {
  /** CRC-32 and length of the part's bytes. */
  crc: number;
  size: number;
  /** 8: deflated; 0: stored (deflating gained nothing). */
  method: 0 | 8;
  body: Uint8Array;
}

/** Compresses one part, given as the text or bytes it holds. */
export type PartPacker = (content: string | Uint8Array) => Promise<PackedPart>;

/**
 * What JSZip keeps of a part (jszip/lib/zipObject.js and object.js, 3.x): a promise of the string
 * or bytes it was given, or the compressed data it was loaded with. Read only to skip JSZip's
 * conversions; anything else goes through its public `async`.
 */
interface PartData {
  _data?: unknown;
  _dataBinary?: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The string or bytes a part was given (`zip.file(name, data)`), or null for a part as loaded. */
async function given(file: JSZip.JSZipObject): Promise<string | Uint8Array | null> {
  const { _data: data, _dataBinary: binary } = file as unknown as PartData;
  if (typeof (data as PromiseLike<unknown> | undefined)?.then !== 'function') return null;
  const value: unknown = await data;
  if (typeof value === 'string' && binary === false) return value;
  if (value instanceof Uint8Array && binary === true) return value;
  return null;
}

/** The part's text (UTF-8). */
export async function partText(file: JSZip.JSZipObject): Promise<string> {
  const data = await given(file);
  if (typeof data === 'string') return data;
  return decoder.decode(data ?? (await file.async('uint8array')));
}

/** The text of the part at `path`, or null when the package has none. */
export async function textAt(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? partText(file) : null;
}

/** The part's text as given, or its bytes (what a copy of it into another package should be given). */
export async function partContent(file: JSZip.JSZipObject): Promise<string | Uint8Array> {
  return (await given(file)) ?? file.async('uint8array');
}

const LIMIT = 0xffffffff;

interface Entry {
  name: Uint8Array;
  time: number;
  date: number;
  crc: number;
  size: number;
  method: 0 | 8;
  body: Uint8Array;
}

/** The package compressed by JSZip itself (pako, in JavaScript): where no packer is given, and for what packZip does not write. */
export function deflateInJs(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * The package as .zip bytes, each part compressed by `packPart` (all at once: Node's zlib runs
 * them on its thread pool). Parts `passThrough` says are untouched are copied compressed from its
 * original (the 50k-account input's 31 MB Accounts sheet, in an output grafted into its input,
 * graft.ts). A package that would need ZIP64 goes to deflateInJs.
 */
export async function packZip(zip: JSZip, packPart: PartPacker, passThrough?: PassThrough): Promise<Uint8Array> {
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const raw = passThrough ? rawEntries(passThrough.original) : null;
  const entries = await Promise.all(
    files.map(async (file): Promise<Entry> => {
      const name = encoder.encode(file.name);
      const kept = raw && passThrough!.untouched(file.name) ? raw.get(file.name) : undefined;
      if (kept) return { name, ...kept };
      return { name, ...dosDateTime(file.date), ...(await packPart(await partContent(file))) };
    }),
  );
  const total = entries.reduce((sum, e) => sum + 30 + e.name.length + e.body.length, 0);
  if (entries.length > 0xffff || total > LIMIT || entries.some((e) => e.size > LIMIT)) {
    return deflateInJs(zip);
  }
  const directory = entries.reduce((sum, e) => sum + 46 + e.name.length, 0);
  const out = new Uint8Array(total + directory + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeCommon(view, at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.body, at + 30 + e.name.length);
    at += 30 + e.name.length + e.body.length;
  }
  const start = at;
  entries.forEach((e, k) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // version made by: 2.0
    writeCommon(view, at + 6, e);
    // comment length, disk, internal and external attributes: 0 (the buffer is zeroed)
    view.setUint32(at + 42, offsets[k], true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directory, true);
  view.setUint32(at + 16, start, true);
  return out;
}

/** The fields a local and a central header share, from "version needed" to "extra field length". */
function writeCommon(view: DataView, at: number, e: Entry): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, 0x0800, true); // names are UTF-8
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.time, true);
  view.setUint16(at + 8, e.date, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.body.length, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.name.length, true);
  view.setUint16(at + 24, 0, true);
}

/** MS-DOS date and time (UTC, as JSZip writes them), from 1980 on. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

let tables: Int32Array | null = null;

/** Eight 256-entry tables: table k advances a byte through k further zero bytes (slicing-by-8). */
function crcTables(): Int32Array {
  if (tables) return tables;
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let k = 1; k < 8; k++) for (let n = 0; n < 256; n++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  tables = t;
  return t;
}

/**
 * CRC-32 of the zip format, in JavaScript, eight bytes a step (about 0.8 GB/s; Node's zlib.crc32
 * is faster where it exists). `crc`: the CRC of the bytes before these, to go on from.
 */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = crcTables();
  let c = crc ^ -1;
  let i = 0;
  for (const last = data.length - 8; i <= last; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    const b = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c =
      t[1792 + (a & 0xff)] ^ t[1536 + ((a >>> 8) & 0xff)] ^ t[1280 + ((a >>> 16) & 0xff)] ^ t[1024 + (a >>> 24)] ^
      t[768 + (b & 0xff)] ^ t[512 + ((b >>> 8) & 0xff)] ^ t[256 + ((b >>> 16) & 0xff)] ^ t[b >>> 24];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Deflates a part whole with `deflateRaw` (Node's zlib), or stores it when that gains nothing. */
export function bytesPacker(deflateRaw: (data: Uint8Array) => Promise<Uint8Array>, crcOf: (data: Uint8Array) => number = crc32): PartPacker {
  return async (content) => {
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    const deflated = await deflateRaw(data);
    return stored(data, deflated, crcOf) ?? { crc: crcOf(data), size: data.length, method: 8, body: deflated };
  };
}

/** The part stored as it is, when deflating gained nothing. */
function stored(data: Uint8Array, deflated: Uint8Array, crcOf: (data: Uint8Array) => number = crc32): PackedPart | null {
  return deflated.length >= data.length ? { crc: crcOf(data), size: data.length, method: 0, body: data } : null;
}

/** Characters (or bytes) fed to the deflater at a time: about 10 ms of work each. */
const SLICE = 1 << 20;

/**
 * Deflates a part through the platform's CompressionStream (browsers since 2023; Node 18+) a slice
 * at a time, each encoded as it goes in, with a task boundary after each so that the page stays
 * responsive; null where the platform has no 'deflate-raw' (the caller keeps JSZip's own deflate).
 */
export function streamPacker(): PartPacker | null {
  try {
    new CompressionStream('deflate-raw');
  } catch {
    return null;
  }
  return async (content) => {
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const body = new Response(stream.readable).arrayBuffer();
    body.catch(() => undefined); // a failed write is thrown below; the read side fails with it
    let crc = 0;
    let size = 0;
    for (let at = 0; at < content.length; ) {
      let end = Math.min(content.length, at + SLICE);
      let slice: Uint8Array;
      if (typeof content === 'string') {
        if (end < content.length && isHighSurrogate(content.charCodeAt(end - 1))) end--; // a pair stays whole
        slice = encoder.encode(content.slice(at, end));
      } else slice = content.subarray(at, end);
      crc = crc32(slice, crc);
      size += slice.length;
      await writer.write(slice as Uint8Array<ArrayBuffer>);
      at = end;
      await nextTask();
    }
    await writer.close();
    const deflated = new Uint8Array(await body);
    if (deflated.length >= size) return stored(typeof content === 'string' ? encoder.encode(content) : content, deflated)!;
    return { crc, size, method: 8, body: deflated };
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Resolves in a new task (a message to itself: no timer clamping), letting the page handle input and paint. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The standalone page's packer: CompressionStream where the browser has it, else undefined (JSZip's own). */
export function pagePack(): ((zip: JSZip, keep?: PassThrough) => Promise<Uint8Array>) | undefined {
  const packPart = streamPacker();
  return packPart ? (zip, keep) => packZip(zip, packPart, keep) : undefined;
}

export type RawEntry = Omit<Entry, 'name'>;

/**
 * The entries of a .zip as stored: name -> compressed bytes and what their headers say. Only
 * entries a plain writer can copy are listed (stored or deflated, not encrypted, names in UTF-8 or
 * ASCII); null for a ZIP64 archive or one whose directory cannot be read: nothing is copied then.
 */
export function rawEntries(bytes: Uint8Array): Map<string, RawEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let k = bytes.length - 22; k >= Math.max(0, bytes.length - 22 - 0xffff); k--) {
    if (u32(k) === 0x06054b50) {
      end = k;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const out = new Map<string, RawEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const time = u16(at + 12);
    const date = u16(at + 14);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) return null;
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    at = next;
    const utf8 = (flags & 0x0800) !== 0 || nameBytes.every((c) => c < 0x80);
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8) || !utf8 || compressed === 0xffffffff || size === 0xffffffff) continue;
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) return null;
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return null;
    out.set(decoder.decode(nameBytes), { time, date, crc, size, method: method as 0 | 8, body: bytes.subarray(start, start + compressed) });
  }
  return out;
}
