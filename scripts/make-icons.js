#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,32,64,80,128}.png: a blue rounded square with three
 * white bars of equal height over a baseline (territories brought level). Pure Node: the PNG is
 * assembled by hand (IHDR, IDAT deflated with zlib, IEND, CRC-32), so no image library is needed.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent "brand" blue
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Encodes RGBA pixels (Uint8Array of size*size*4) as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Which layer covers the unit-square point (x, y): 'fg', 'bg' or null (transparent). */
function shapeAt(x, y) {
  const radius = 0.18;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius * radius) return null;
  const bars = [0.2, 0.42, 0.64];
  for (const left of bars) if (x >= left && x <= left + 0.16 && y >= 0.28 && y <= 0.7) return 'fg';
  if (x >= 0.16 && x <= 0.84 && y >= 0.76 && y <= 0.82) return 'fg';
  return 'bg';
}

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let fg = 0;
      let bg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const layer = shapeAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (layer === 'fg') fg++;
          else if (layer === 'bg') bg++;
        }
      }
      const covered = fg + bg;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((FOREGROUND[c] * fg + BACKGROUND[c] * bg) / covered);
      rgba[i + 3] = Math.round((255 * covered) / n);
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, encodePng, SIZES };
