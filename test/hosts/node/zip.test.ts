import JSZip from 'jszip';
import { prng } from '../../../bench/instances';
import { zipWithZlib } from '../../../src/hosts/node/zip';

describe('zipWithZlib: a JSZip package as .zip bytes, deflated by Node', () => {
  async function sample(): Promise<{ zip: JSZip; files: Record<string, Uint8Array> }> {
    const rand = prng(3);
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types>' + '<Override PartName="/x"/>'.repeat(50) + '</Types>'),
      'xl/worksheets/sheet1.xml': Buffer.from('<row><c r="A1"><v>42</v></c></row>'.repeat(20_000)),
      'xl/media/noise.bin': Uint8Array.from({ length: 4096 }, () => Math.floor(rand() * 256)), // deflates to more than it is: stored
      'docProps/empty.xml': new Uint8Array(0),
      'xl/Übersicht – Q3.xml': Buffer.from('<x>Zürich</x>'),
    };
    const zip = new JSZip();
    const date = new Date(Date.UTC(2026, 10, 23, 6, 30, 44));
    for (const [name, data] of Object.entries(files)) zip.file(name, data, { date });
    return { zip, files };
  }

  it('reads back entry by entry, checksums checked, names and times kept', async () => {
    const { zip, files } = await sample();
    const bytes = await zipWithZlib(zip);
    const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const names = Object.values(back.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(await back.file(name)!.async('uint8array')).equals(Buffer.from(data))).toBe(true);
      expect(back.file(name)!.date.toISOString()).toBe('2026-11-23T06:30:44.000Z');
    }
    // the sheet is deflated (800 KB of repeats), the noise stored
    expect(bytes.length).toBeLessThan(20_000);
    const raw = Buffer.from(bytes);
    const methodOf = (name: string) => raw.readUInt16LE(raw.indexOf(Buffer.from(name)) - 30 + 8);
    expect(methodOf('xl/worksheets/sheet1.xml')).toBe(8);
    expect(methodOf('xl/media/noise.bin')).toBe(0);
  });

  it("compresses as well as JSZip's deflate", async () => {
    const { zip } = await sample();
    const ours = await zipWithZlib(zip);
    const theirs = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(ours.length).toBeLessThanOrEqual(theirs.length * 1.02);
  });
});
