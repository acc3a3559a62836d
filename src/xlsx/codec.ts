/**
 * Inflating and deflating zip entries, behind one small interface: fflate here (runs in browsers
 * too); the command line (src/xlsx/read.ts) inflates with node:zlib, several times faster, and
 * deflates with fflate so that its copies are the page's bytes.
 */
import { deflateSync, inflateSync } from "fflate";

export interface Codec {
  /**
   * The inflated bytes of a deflated entry that declares `size` bytes. Throws when the data
   * inflates to more than that: the size, checked against the limits first, is then a lie.
   */
  inflate(data: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** The CRC-32 of inflated bytes, when the platform has a faster one than zip.ts's. */
  crc32?(data: Uint8Array): number;
}

/**
 * Level 1, measured: on the 11 MB of parts of the 300-sheet benchmark copy, fflate's level 6 is 8 %
 * smaller for 20–30 % more time (node:zlib: 9 % for 37 %); on one sheet of 100,000 rows node:zlib's
 * level 6 was 30 % smaller for 3.5 times the time. The copy is a working file, so time wins.
 */
export const DEFLATE_LEVEL = 1;

/** A part that inflates to more (`more`) or fewer bytes than the `size` it declares: damaged, or lying. */
export class InflatedSizeError extends Error {
  readonly text: { zh: string; en: string };

  constructor(more: boolean, size: number) {
    const en = `inflates to ${more ? "more" : "less"} than the ${size} bytes it declares`;
    super(en);
    this.text = { zh: `解压后比声明的 ${size} 字节${more ? "多" : "少"}`, en };
  }
}

export const fflateCodec: Codec = {
  inflate(data, size) {
    // One byte of room past the declared size shows a lie without inflating further.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length !== size) throw new InflatedSizeError(out.length > size, size);
    return out;
  },
  deflate(data) {
    return deflateSync(data, { level: DEFLATE_LEVEL });
  },
};
