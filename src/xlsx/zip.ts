/**
 * The zip container of an .xlsx package, read and written without inflating anything: the reader
 * lists each entry with its compressed bytes, the writer copies an unchanged entry's compressed
 * bytes as they are and stores new ones given already compressed. No Node API, so a browser page
 * can use it (the inflating and deflating is a `Codec`'s, src/xlsx/codec.ts).
 */
import { BilingualError } from "../core/messages";

/** The zip is not one this reader understands, or is damaged; the text says why, for the message. */
export class ZipFormatError extends BilingualError {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The inflated size the zip declares (checked when the entry is inflated). */
  size: number;
  /** The entry's data as stored (compressed when method is 8). */
  data: Uint8Array;
  /** DOS time and date, kept when the entry is copied. */
  time: number;
  date: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** General-purpose flag bits: bit 0 encrypted, bit 11 UTF-8 names. */
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

const UTF8 = new TextDecoder();
const UTF8_ENCODER = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: searched from the end, past a comment of up to 64 KB. */
function endRecord(bytes: Uint8Array, dv: DataView): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (dv.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError("压缩包的目录缺失（文件不完整）", "the zip's directory is missing (the file is cut short)");
}

/** A 64-bit field as a number (sizes past 2^53 cannot be real here). */
function uint64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

function setUint64(dv: DataView, at: number, value: number): void {
  dv.setUint32(at, value >>> 0, true);
  dv.setUint32(at + 4, Math.floor(value / 0x100000000), true);
}

/** The entries of a zip, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const end = endRecord(bytes, dv);
  let count = dv.getUint16(end + 10, true);
  let directory = dv.getUint32(end + 16, true);
  if ((count === 0xffff || directory === 0xffffffff) && end >= 20 && dv.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const zip64End = uint64(dv, end - 20 + 8);
    if (zip64End + 56 > bytes.length || dv.getUint32(zip64End, true) !== ZIP64_END) throw new ZipFormatError("压缩包的 64 位目录已损坏", "the zip's 64-bit directory is damaged");
    count = uint64(dv, zip64End + 32);
    directory = uint64(dv, zip64End + 48);
  }
  const entries: ZipEntry[] = [];
  let at = directory;
  // An end record that counts fewer entries than the directory holds would leave the rest out of
  // the copy unseen: the directory is read on while entries follow, as Python's zipfile reads it.
  const more = () => at + 4 <= bytes.length && dv.getUint32(at, true) === CENTRAL_HEADER;
  for (let i = 0; i < count || more(); i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipFormatError("压缩包的目录已损坏", "the zip's directory is damaged");
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let local = dv.getUint32(at + 42, true);
    const extraStart = at + 46 + nameLength;
    const extraEnd = extraStart + extraLength;
    const entryEnd = extraEnd + commentLength;
    // The lengths a damaged directory gives would have its name, extra field or comment run past the file's end.
    if (entryEnd > bytes.length) throw new ZipFormatError("压缩包的目录已损坏", "the zip's directory is damaged");
    const nameBytes = bytes.subarray(at + 46, extraStart);
    // Names are UTF-8 when flagged, else code page 437; .xlsx part names are ASCII either way.
    const name = flags & FLAG_UTF8 ? UTF8.decode(nameBytes) : String.fromCharCode(...nameBytes);
    // Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order.
    for (let e = extraStart; e + 4 <= extraEnd; ) {
      const id = dv.getUint16(e, true);
      // A field said to run past the extra field ends there: only what is read from it must be inside.
      const fieldEnd = Math.min(e + 4 + dv.getUint16(e + 2, true), extraEnd);
      if (id === ZIP64_EXTRA) {
        let field = e + 4;
        const next64 = (): number => {
          if (field + 8 > fieldEnd) throw new ZipFormatError(`压缩包条目 ${name} 已损坏`, `the zip entry ${name} is damaged`);
          field += 8;
          return uint64(dv, field - 8);
        };
        if (size === 0xffffffff) size = next64();
        if (compressedSize === 0xffffffff) compressedSize = next64();
        if (local === 0xffffffff) local = next64();
      }
      e = fieldEnd;
    }
    if (flags & FLAG_ENCRYPTED) throw new ZipFormatError(`压缩包条目 ${name} 已加密`, `the zip entry ${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`压缩包条目 ${name} 使用不支持的压缩方式 ${method}`, `the zip entry ${name} uses compression method ${method}`);
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== LOCAL_HEADER) throw new ZipFormatError(`压缩包条目 ${name} 已损坏`, `the zip entry ${name} is damaged`);
    const dataStart = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(`压缩包条目 ${name} 不完整`, `the zip entry ${name} is cut short`);
    entries.push({
      name,
      method,
      crc: dv.getUint32(at + 16, true),
      size,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
      time: dv.getUint16(at + 12, true),
      date: dv.getUint16(at + 14, true),
    });
    at = entryEnd;
  }
  return entries;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 a zip entry carries for its inflated bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** Writes entries into a zip, in the given order; each entry's data is already stored or compressed. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => UTF8_ENCODER.encode(e.name));
  let localLength = 0;
  let directoryLength = 0;
  entries.forEach((entry, i) => {
    localLength += 30 + names[i].length + entry.data.length;
    directoryLength += 46 + names[i].length;
  });
  if (localLength + directoryLength > 0xffffffff) throw new ZipFormatError("副本将超过 4 GB", "the copy would exceed 4 GB");
  // An entry copied unread from a zip64 input can declare more than 32 bits hold; written cut short
  // to 32 bits, it would damage the copy.
  const huge = entries.find((entry) => entry.size > 0xffffffff);
  if (huge) throw new ZipFormatError(`条目 ${huge.name} 解压后超过 4 GB，副本无法写入`, `the entry ${huge.name} inflates to more than 4 GB, which the copy cannot hold`);
  // More entries than the end record's 16 bits count: the zip64 end record and its locator hold the count.
  const zip64 = entries.length > 0xffff;
  const out = new Uint8Array(localLength + directoryLength + (zip64 ? 56 + 20 : 0) + 22);
  const dv = view(out);
  const header = (at: number, entry: ZipEntry, name: Uint8Array, central: boolean): number => {
    const ascii = name.every((b) => b < 0x80);
    let p = at;
    dv.setUint32(p, central ? CENTRAL_HEADER : LOCAL_HEADER, true);
    p += 4;
    if (central) {
      dv.setUint16(p, 20, true); // made by: version 2.0
      p += 2;
    }
    dv.setUint16(p, 20, true); // needed to extract: version 2.0
    dv.setUint16(p + 2, ascii ? 0 : FLAG_UTF8, true);
    dv.setUint16(p + 4, entry.method, true);
    dv.setUint16(p + 6, entry.time, true);
    dv.setUint16(p + 8, entry.date, true);
    dv.setUint32(p + 10, entry.crc, true);
    dv.setUint32(p + 14, entry.data.length, true);
    dv.setUint32(p + 18, entry.size, true);
    dv.setUint16(p + 22, name.length, true);
    dv.setUint16(p + 24, 0, true); // no extra field
    return p + 26;
  };
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    offsets.push(at);
    at = header(at, entry, names[i], false);
    out.set(names[i], at);
    out.set(entry.data, at + names[i].length);
    at += names[i].length + entry.data.length;
  });
  const directory = at;
  entries.forEach((entry, i) => {
    at = header(at, entry, names[i], true);
    // comment length, disk, internal and external attributes stay 0
    dv.setUint32(at + 10, offsets[i], true);
    out.set(names[i], at + 14);
    at += 14 + names[i].length;
  });
  const directoryLengthWritten = at - directory;
  if (zip64) {
    const zip64End = at;
    dv.setUint32(at, ZIP64_END, true);
    setUint64(dv, at + 4, 56 - 12); // the record's length after this field
    dv.setUint16(at + 12, 45, true); // made by: version 4.5 (zip64)
    dv.setUint16(at + 14, 45, true); // needed to extract: version 4.5
    // this disk and the directory's disk stay 0
    setUint64(dv, at + 24, entries.length);
    setUint64(dv, at + 32, entries.length);
    setUint64(dv, at + 40, directoryLengthWritten);
    setUint64(dv, at + 48, directory);
    at += 56;
    dv.setUint32(at, ZIP64_LOCATOR, true);
    // the zip64 end record's disk stays 0
    setUint64(dv, at + 8, zip64End);
    dv.setUint32(at + 16, 1, true); // disks in all
    at += 20;
  }
  dv.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  dv.setUint16(at + 8, Math.min(entries.length, 0xffff), true);
  dv.setUint16(at + 10, Math.min(entries.length, 0xffff), true);
  dv.setUint32(at + 12, directoryLengthWritten, true);
  dv.setUint32(at + 16, directory, true);
  return out;
}
