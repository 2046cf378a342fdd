// The parts of a zip package (an XLSX) taken by name straight from the buffer: the central directory read from its
// end, each part wanted inflated in one call on libuv's thread pool (several at once). exceljs's streaming unzip
// inflates in 16 KB steps, each a round trip to the pool: a 50,000-row file spent ~85 ms of its read just waiting.
// Only plain zips are taken (stored or deflated parts, no ZIP64, no encryption — what Excel and every library write
// for files under our 20 MB limit); for anything else `zipParts` answers null and the caller unzips the slow way.
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/**
 * Unpacked, the parts read may not be larger than this together: a small file that inflates to gigabytes (a zip
 * bomb) is refused. Each part is inflated to at most the size its directory entry declares, so the declared sizes
 * bound what is made; entries sharing one packed part (a bomb's way to multiply it) are refused too.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** The refusal of parts past MAX_UNPACKED_BYTES, here and on exceljs's unzip (xlsx-stream.ts). */
export const unpackedTooLarge = () => new Error('zip: the parts unpack past the size allowed');

type Entry = { method: number; compressedSize: number; size: number; headerOffset: number; encrypted: boolean };

/** The package's entries by name, or null when the buffer is not a zip this reader takes. */
function entries(zip: Buffer): Map<string, Entry> | null {
  const last = zip.length - 22;
  let end = -1;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF: the real values are in a ZIP64 record.
  if (count === 0xffff || at === 0xffffffff) return null;
  const out = new Map<string, Entry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: Entry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      headerOffset: zip.readUInt32LE(at + 42),
      encrypted: (flags & 1) === 1,
    };
    if (entry.compressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) return null;
    out.set(zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength), entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/**
 * The named parts that the package holds, unpacked (a name it lacks is left out); `wanted` decides by name. Null when
 * this reader does not take the package. Throws when a part's data is damaged.
 */
export async function zipParts(
  zip: Buffer,
  wanted: (name: string) => boolean,
  maxUnpackedBytes = MAX_UNPACKED_BYTES,
): Promise<Map<string, Buffer> | null> {
  const all = entries(zip);
  if (!all) return null;
  const picked = [...all].filter(([name]) => wanted(name));
  if (picked.some(([, e]) => e.encrypted || (e.method !== STORED && e.method !== DEFLATED))) return null;
  if (picked.reduce((sum, [, e]) => sum + e.size, 0) > maxUnpackedBytes) throw unpackedTooLarge();
  if (new Set(picked.map(([, e]) => e.headerOffset)).size < picked.length) throw new Error('zip: two entries share one part');
  const parts = await Promise.all(
    picked.map(async ([name, e]) => {
      const at = e.headerOffset;
      if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) throw new Error(`zip: no local header for ${name}`);
      const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
      if (start + e.compressedSize > zip.length) throw new Error(`zip: ${name} runs past the end`);
      const data = zip.subarray(start, start + e.compressedSize);
      if (e.method === STORED) return [name, data] as const;
      // An entry that declares less than its data unpacks to fails here, at what it declared.
      return [name, await inflateRaw(data, { maxOutputLength: Math.max(1, e.size) })] as const;
    }),
  );
  return new Map(parts);
}
