#!/usr/bin/env node
// Writes color.png (192x192, accent background, white chart) and outline.png (32x32, white on transparent),
// the two icons a Teams app package needs. Raw PNG encoding with zlib: no image library required.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Three rising bars and a base line, in units of a 16x16 grid.
function glyph(u, v) {
  const bars = [[3, 5, 9], [7, 9, 6], [11, 13, 3]];
  if (v >= 13 && v < 14 && u >= 2 && u < 14) return true;
  return bars.some(([x0, x1, top]) => u >= x0 && u < x1 && v >= top && v < 13);
}

const dir = __dirname;
const accent = [0x1f, 0x6f, 0xb2, 255];
fs.writeFileSync(path.join(dir, "color.png"), png(192, (x, y) =>
  glyph(Math.floor(x / 12), Math.floor(y / 12)) ? [255, 255, 255, 255] : accent));
fs.writeFileSync(path.join(dir, "outline.png"), png(32, (x, y) =>
  glyph(Math.floor(x / 2), Math.floor(y / 2)) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
console.log("wrote color.png (192x192) and outline.png (32x32)");
