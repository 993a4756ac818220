import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import { prng } from '../../../bench/instances';
import { zipWithZlib } from '../../../src/hosts/node/zip';
import { crc32, packZip, pagePack, partContent, partText, rawEntries, streamPacker } from '../../../src/hosts/xlsx/zipParts';

async function sample(): Promise<{ zip: JSZip; files: Record<string, Uint8Array | string> }> {
  const rand = prng(3);
  const files: Record<string, Uint8Array | string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types>' + '<Override PartName="/x"/>'.repeat(50) + '</Types>',
    'xl/worksheets/sheet1.xml': '<row><c r="A1"><v>42</v></c></row>'.repeat(20_000),
    'xl/sharedStrings.xml': '<sst><si><t>Zürich – Ōsaka 🚀</t></si></sst>', // a string part with characters past ASCII
    'xl/media/noise.bin': Uint8Array.from({ length: 4096 }, () => Math.floor(rand() * 256)), // deflates to more than it is: stored
    'docProps/empty.xml': new Uint8Array(0),
    'xl/Übersicht – Q3.xml': Buffer.from('<x>Zürich</x>'),
  };
  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 10, 23, 6, 30, 44));
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { date });
  return { zip, files };
}

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));
/** A part's bytes, as packZip takes them (a text part encoded as UTF-8). */
const partBytes = async (file: JSZip.JSZipObject) => bytesOf(await partContent(file));

describe('packZip: a JSZip package as .zip bytes with the host’s deflater', () => {
  const stream = streamPacker()!;
  const packers: [string, (zip: JSZip) => Promise<Uint8Array>][] = [
    ['CompressionStream (the standalone page)', (zip) => packZip(zip, stream)],
    ["Node's zlib (the command line)", (zip) => zipWithZlib(zip)],
  ];

  it('has CompressionStream’s deflate-raw here (Node 20), as the page has in a current browser', () => {
    expect(stream).not.toBeNull();
    expect(pagePack()).toBeInstanceOf(Function);
  });

  it.each(packers)('%s: reads back part by part, checksums checked, names and times kept; the noise stored', async (_, pack) => {
    const { zip, files } = await sample();
    const bytes = await pack(zip);
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.values(back.files).filter((f) => !f.dir).map((f) => f.name)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(await back.file(name)!.async('uint8array')).equals(bytesOf(data))).toBe(true);
      expect(back.file(name)!.date.toISOString()).toBe('2026-11-23T06:30:44.000Z');
    }
    // the method as the local header says it, read without our own directory reader
    const raw = Buffer.from(bytes);
    const methodOf = (name: string) => raw.readUInt16LE(raw.indexOf(Buffer.from(name)) - 30 + 8);
    expect(methodOf('xl/worksheets/sheet1.xml')).toBe(8);
    expect(methodOf('xl/media/noise.bin')).toBe(0);
    const entries = rawEntries(bytes)!;
    expect(entries.get('xl/worksheets/sheet1.xml')!.method).toBe(8);
    expect(entries.get('xl/sharedStrings.xml')!.size).toBe(Buffer.byteLength(files['xl/sharedStrings.xml'] as string));
    // as small as JSZip's own deflate
    const theirs = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThanOrEqual(theirs.length * 1.02);
  });

  it('copies the parts the caller says are untouched compressed from the original, and packs the rest', async () => {
    const { zip } = await sample();
    const original = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const loaded = await JSZip.loadAsync(original);
    const before = new Map(Object.entries(loaded.files));
    loaded.file('xl/sharedStrings.xml', '<sst><si><t>Köln</t></si></sst>');
    const out = await packZip(loaded, stream, { original, untouched: (p) => loaded.files[p] === before.get(p) });
    const [inRaw, outRaw] = [rawEntries(original)!, rawEntries(out)!];
    expect(Buffer.from(outRaw.get('xl/worksheets/sheet1.xml')!.body).equals(Buffer.from(inRaw.get('xl/worksheets/sheet1.xml')!.body))).toBe(true);
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('xl/sharedStrings.xml')!.async('string')).toBe('<sst><si><t>Köln</t></si></sst>');
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe('<row><c r="A1"><v>42</v></c></row>'.repeat(20_000));
  });

  it('CompressionStream is fed a megabyte at a time: a part longer than that, a character pair across the cut, reads back whole', async () => {
    const text = 'a'.repeat((1 << 20) - 1) + '🚀' + '<v>Zürich</v>'.repeat(200_000);
    const rand = prng(5);
    const noise = Uint8Array.from({ length: (1 << 20) * 2 + 5 }, () => Math.floor(rand() * 256));
    const zip = new JSZip();
    zip.file('long.xml', text);
    zip.file('noise.bin', noise);
    const out = await packZip(zip, stream);
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('long.xml')!.async('string')).toBe(text);
    expect(Buffer.from(await back.file('noise.bin')!.async('uint8array')).equals(Buffer.from(noise))).toBe(true);
    const entries = rawEntries(out)!;
    expect(entries.get('long.xml')!.crc).toBe(zlib.crc32(Buffer.from(text, 'utf8')) >>> 0);
    expect(entries.get('noise.bin')!.method).toBe(0); // stored: deflating it gained nothing
  });

  it('reads no entries from bytes that are not a zip', () => {
    expect(rawEntries(new Uint8Array(100))).toBeNull();
    expect(rawEntries(new Uint8Array(3))).toBeNull();
  });
});

describe('partText and partContent', () => {
  it('take a part given as a string or bytes as it is, without JSZip’s conversion', async () => {
    const { zip, files } = await sample();
    for (const [name, data] of Object.entries(files)) {
      const file = zip.file(name)!;
      const spy = jest.spyOn(file, 'async');
      expect(Buffer.from(await partBytes(file)).equals(bytesOf(data))).toBe(true);
      expect(await partText(file)).toBe(bytesOf(data).toString('utf8'));
      // the empty part is stored by JSZip as an empty string it marks binary: it takes the public path
      if (name !== 'docProps/empty.xml') expect(spy).not.toHaveBeenCalled();
    }
    // a string part's text is the very string given
    const text = files['xl/worksheets/sheet1.xml'] as string;
    expect(await partText(zip.file('xl/worksheets/sheet1.xml')!)).toBe(text);
  });

  it('inflate a part as loaded, and decode it as UTF-8', async () => {
    const { zip, files } = await sample();
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(await partBytes(loaded.file(name)!)).equals(bytesOf(data))).toBe(true);
      expect(await partText(loaded.file(name)!)).toBe(bytesOf(data).toString('utf8'));
    }
  });
});

describe('crc32 (JavaScript, eight bytes a step)', () => {
  it('agrees with zlib at every length around its step, goes on from an earlier CRC, and gives the standard check value', () => {
    const rand = prng(8);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 1000, 65_537]) {
      const data = Buffer.from(Uint8Array.from({ length: n }, () => Math.floor(rand() * 256)));
      expect(crc32(data)).toBe(zlib.crc32(data) >>> 0);
    }
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    // a view into a larger buffer: only its own bytes count
    const whole = Buffer.from('xx123456789yy');
    expect(crc32(whole.subarray(2, 11))).toBe(0xcbf43926);
    // in pieces: the CRC of the first piece carried into the next
    const data = Buffer.from(Uint8Array.from({ length: 1000 }, (_, k) => (k * 31) & 0xff));
    expect(crc32(data.subarray(333), crc32(data.subarray(0, 333)))).toBe(zlib.crc32(data) >>> 0);
  });
});
