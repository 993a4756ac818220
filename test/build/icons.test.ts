/**
 * The add-in icons: scripts/make-icons.js writes real PNGs (valid chunk CRCs, RGBA pixels that
 * inflate to the right size), with the glyph where it should be, and the committed assets/ are
 * exactly what the script makes today.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require('../../scripts/make-icons.js') as { drawIcon: (size: number) => Buffer; SIZES: number[] };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Decoded {
  width: number;
  height: number;
  pixel: (x: number, y: number) => [number, number, number, number];
}

function decode(png: Buffer): Decoded {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types[types.length - 1]).toBe('IEND');
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      return [raw[i], raw[i + 1], raw[i + 2], raw[i + 3]];
    },
  };
}

describe('add-in icons', () => {
  it.each([16, 32, 64, 80, 128])('draws a %ipx PNG with the glyph in place', (size) => {
    const png = decode(icons.drawIcon(size));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.pixel(0, 0)[3]).toBeLessThan(32); // rounded corner: (nearly) transparent
    expect(png.pixel(Math.floor(size / 2), 0)[3]).toBe(255); // the top edge between the corners is filled
    const at = (fx: number, fy: number) => png.pixel(Math.floor(fx * size), Math.floor(fy * size));
    expect(at(0.5, 0.1)).toEqual([0x0f, 0x6c, 0xbd, 255]); // background above the bars
    expect(at(0.28, 0.5)).toEqual([255, 255, 255, 255]); // first bar
    // The baseline is 6% of the height: a whole white row from 64px up, anti-aliased (mostly white) below.
    const baseline = at(0.5, 0.79);
    if (size >= 64) expect(baseline).toEqual([255, 255, 255, 255]);
    else expect(baseline[0]).toBeGreaterThan(150);
  });

  it('keeps the committed assets in step with the script', () => {
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const size of icons.SIZES) {
      const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', `icon-${size}.png`));
      expect(committed.equals(icons.drawIcon(size))).toBe(true);
    }
  });
});
