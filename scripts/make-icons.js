#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and store icons as PNG files in assets/, with nothing but Node's
 * built-in zlib (no image library): a rounded coloured square with a white glyph.
 *
 *   icon-<size>.png     blue square, three rising bars (打开助手 / the add-in itself)
 *   recalc-<size>.png   green square, a check mark (一键重算)
 *
 * Sizes 16, 32, 64, 80 and 128. Shapes are described in unit coordinates and antialiased by
 * supersampling each pixel. Run: node scripts/make-icons.js
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;
const OUT_DIR = path.join(__dirname, "..", "assets");

// ---- PNG encoding ---------------------------------------------------------------------------

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
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** rgba: Uint8Array of size*size*4, non-premultiplied. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- Shapes in unit coordinates (0..1, y down) ------------------------------------------------

function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin;
  const hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const GLYPHS = {
  /** Three bars rising left to right, on a baseline. */
  bars(x, y) {
    const bars = [
      [0.22, 0.36, 0.58],
      [0.43, 0.57, 0.42],
      [0.64, 0.78, 0.26],
    ];
    const bottom = 0.76;
    return bars.some(([x0, x1, top]) => x >= x0 && x <= x1 && y >= top && y <= bottom);
  },
  /** A check mark drawn as two thick strokes. */
  check(x, y) {
    const a = [0.25, 0.52];
    const b = [0.43, 0.7];
    const c = [0.76, 0.3];
    const half = 0.075;
    return distanceToSegment(x, y, a, b) <= half || distanceToSegment(x, y, b, c) <= half;
  },
};

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function drawIcon(size, background, glyph) {
  const bg = hexToRgb(background);
  const fg = [255, 255, 255];
  const rgba = new Uint8Array(size * size * 4);
  // Small icons get a thinner margin so that the square still fills the ribbon slot.
  const margin = size <= 16 ? 0 : 0.04;
  const radius = 0.16;
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let glyphCover = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedSquare(x, y, margin, radius)) {
            cover++;
            if (glyph(x, y)) glyphCover++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (cover === 0) continue;
      const g = glyphCover / cover;
      for (let ch = 0; ch < 3; ch++) rgba[i + ch] = Math.round(bg[ch] * (1 - g) + fg[ch] * g);
      rgba[i + 3] = Math.round((255 * cover) / samples);
    }
  }
  return encodePng(size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const sets = [
    { prefix: "icon", background: "#0F6CBD", glyph: GLYPHS.bars },
    { prefix: "recalc", background: "#107C41", glyph: GLYPHS.check },
  ];
  for (const { prefix, background, glyph } of sets) {
    for (const size of SIZES) {
      const file = path.join(OUT_DIR, `${prefix}-${size}.png`);
      fs.writeFileSync(file, drawIcon(size, background, glyph));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

main();
