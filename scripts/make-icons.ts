// Writes the add-in's ribbon and store icons (PNG, 16/32/64/80/128 px): a blue tile with a white parcel. Pure Node
// (zlib), so the icons can be remade anywhere: `node --import tsx scripts/make-icons.ts`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const r = size * 0.18; // corner radius
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const dx = Math.max(r - x, 0, x - (size - 1 - r));
      const dy = Math.max(r - y, 0, y - (size - 1 - r));
      const inside = dx * dx + dy * dy <= r * r;
      // A parcel: a white square with a tape line, in the middle of the tile.
      const u = x / size;
      const v = y / size;
      const box = u > 0.24 && u < 0.76 && v > 0.3 && v < 0.76;
      const edge = box && (u < 0.3 || u > 0.7 || v < 0.36 || v > 0.7);
      const tape = box && Math.abs(u - 0.5) < 0.05;
      const lid = u > 0.2 && u < 0.8 && v > 0.24 && v < 0.32;
      const white = edge || tape || lid;
      const [cr, cg, cb] = white ? [255, 255, 255] : [0, 95, 184];
      row.set([cr, cg, cb, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'addin', 'public', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
process.stdout.write(`icons written to ${dir}\n`);
