/**
 * The .xlsx package as parts: the zip's entries (inflated once, when first read, within limits),
 * the relationships that tie its parts together, the content types, and the workbook part's sheet
 * list. Just enough of Open Packaging Conventions to read a workbook and to write a copy with a few
 * parts changed: unchanged parts are copied still compressed. No Node API (see codec.ts).
 */
import { BilingualError } from "../core/messages";
import { Codec, InflatedSizeError, fflateCodec } from "./codec";
import { SheetLayout, sheetLayout } from "./sheet-part";
import { XmlElement, XmlError, attributeByLocal, elements, escapeAttribute, firstElement, isTrue, rootElement, scanXml, startTag, xmlDeclaration } from "./xml";
import { ZipEntry, ZipFormatError, crc32, readZip, writeZip } from "./zip";
import { MB, limitMegabytes, megabytes } from "./sizes";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = `${RELATIONSHIPS_NS}/`;
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
/** A plain workbook: the scored copy is an .xlsx even when the input is an .xlsm or a template. */
export const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const CONTENT_TYPES = "[Content_Types].xml";

const UTF8_ENCODER = new TextEncoder();
/** Bytes that are not the encoding's throw, rather than read as U+FFFD. */
const DECODERS = {
  "UTF-8": new TextDecoder("utf-8", { fatal: true }),
  "UTF-16LE": new TextDecoder("utf-16le", { fatal: true }),
  "UTF-16BE": new TextDecoder("utf-16be", { fatal: true }),
};

/** The package is not the .xlsx it looked like: a part the workbook needs is missing or damaged. */
export class PackageError extends BilingualError {}

/** What `read` makes of a part's XML; XML that is not well-formed is refused, naming the part. */
export function readPartXml<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    // The tokenizer's words are English: the Chinese says what is wrong in its own (review round 56b, L1).
    if (error.doctype) {
      throw new PackageError(
        `文件已损坏：部件 ${part} 不是有效的 XML（用 DOCTYPE 定义了实体，.xlsx 的部件不允许）`,
        `the file is damaged: the part ${part} is not well-formed XML (it defines entities in a DOCTYPE, which .xlsx parts may not: ${error.message})`,
      );
    }
    throw new PackageError(`文件已损坏：部件 ${part} 不是有效的 XML（标记不完整或有误）`, `the file is damaged: the part ${part} is not well-formed XML (${error.message})`);
  }
}

/** The copy cannot be written as a zip (it would pass 4 GB); the text says why. */
export class CopyWriteError extends BilingualError {}

/** A part, or all parts together, inflate past the limits: refused before inflating. */
export class PartTooLargeError extends PackageError {}

export interface ReadLimits {
  /** Inflated bytes of any one part. */
  maxPartBytes: number;
  /** Inflated bytes of all parts read together. */
  maxTotalBytes: number;
  /** Cells (`<c>` elements) in all sheets together. */
  maxCells: number;
}


/** 200 MB inflated, per part and in all: some fifty times the largest real self-evaluation workbook. */
export const DEFAULT_LIMITS: ReadLimits = { maxPartBytes: 200 * MB, maxTotalBytes: 200 * MB, maxCells: 5_000_000 };

/** The size limits for a --max-size in MB; undefined when it is not a positive number. */
export function sizeLimits(megabytes: number): Partial<ReadLimits> | undefined {
  if (!Number.isFinite(megabytes) || megabytes <= 0) return undefined;
  return { maxPartBytes: megabytes * MB, maxTotalBytes: megabytes * MB };
}

/** The longest text a JavaScript engine holds in one string (V8: 2^29 − 24 characters), whatever the limits say. */
const LONGEST_TEXT = 2 ** 29 - 24;

/** The most bytes deflate makes of one byte of data: a 258-byte match coded in under two bits. */
const MAX_DEFLATE_RATIO = 1032;


export interface Relationship {
  id: string;
  type: string;
  /** Package path without a leading "/", "xl/worksheets/sheet1.xml". */
  part: string;
}

export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** The folder a part is in, with its slash ("xl/worksheets/"), or "" at the package's root. */
export function partFolder(part: string): string {
  return part.includes("/") ? part.slice(0, part.lastIndexOf("/") + 1) : "";
}

/** A relationship target → a package path: relative to the source's folder, or absolute; %-escapes decoded. */
function resolvePart(fromFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not %-encoded after all: the target as written.
  }
  const segments = (decoded.startsWith("/") ? decoded.slice(1) : fromFolder + decoded).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

export function relsPathOf(part: string): string {
  return `${partFolder(part)}_rels/${part.slice(partFolder(part).length)}.rels`;
}

/** The part a relationships part belongs to: xl/_rels/workbook.xml.rels → xl/workbook.xml; _rels/.rels → "" (the package). */
function sourceOfRels(relsPath: string): string {
  const folder = partFolder(relsPath);
  return folder.slice(0, -"_rels/".length) + relsPath.slice(folder.length, -".rels".length);
}

/** A relationship target for `part` from the folder `from` ("xl/worksheets/" → "../comments1.xml"). */
export function relativeTarget(from: string, part: string): string {
  const fromSegments = from.split("/").filter((s) => s !== "");
  const partSegments = part.split("/");
  let common = 0;
  while (common < fromSegments.length && common < partSegments.length - 1 && fromSegments[common] === partSegments[common]) common++;
  return "../".repeat(fromSegments.length - common) + partSegments.slice(common).join("/");
}

/**
 * A part's bytes as text. Open Packaging Conventions allow UTF-8 and UTF-16 (told by its byte order
 * mark), declared as they are; a part of ASCII bytes alone reads the same whatever encoding built
 * on ASCII it declares (US-ASCII, ISO-8859-1), and is read as UTF-8. Any other encoding, and bytes
 * that are not the encoding's, are refused, naming the part. A part read as other than it declares
 * gets UTF-8's declaration: what jixiao writes of a part's text it writes as UTF-8 (a part left
 * unchanged is copied as it was).
 */
function partText(part: string, bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "UTF-16LE" : bytes[0] === 0xfe && bytes[1] === 0xff ? "UTF-16BE" : undefined;
  const encoding = utf16 ? "UTF-16" : "UTF-8";
  // The declaration is read before the whole part is decoded, so that a GBK part is told as GBK
  // rather than as bad UTF-8: it is ASCII in UTF-8 and in the encodings it could name instead.
  const head = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(0, 256)) : String.fromCharCode(...bytes.subarray(0, 256));
  const declaration = xmlDeclaration(head);
  const declared = declaration?.encoding;
  // UTF8 and UTF16 (no hyphen) are names some producers write.
  const family = declared?.toUpperCase().replace(/^UTF-?16(LE|BE)?$/, "UTF-16").replace(/^UTF-?8$/, "UTF-8");
  const foreign = family !== undefined && family !== "UTF-8" && family !== "UTF-16";
  if (foreign && (utf16 || bytes.some((byte) => byte >= 0x80))) {
    throw new PackageError(`部件 ${part} 的编码是 ${declared}，而 .xlsx 的部件只能用 UTF-8 或 UTF-16 编码`, `the part ${part} is encoded in ${declared}, but the parts of an .xlsx can only be UTF-8 or UTF-16`);
  }
  if (!foreign && family !== undefined && family !== encoding) {
    throw new PackageError(
      `文件已损坏：部件 ${part} 声明的编码是 ${declared}，内容却是 ${encoding}`,
      `the file is damaged: the part ${part} declares the encoding ${declared}, but its bytes are ${encoding}`,
    );
  }
  let text: string;
  try {
    text = DECODERS[utf16 ?? "UTF-8"].decode(bytes);
  } catch {
    throw new PackageError(`文件已损坏：部件 ${part} 含有不是 ${encoding} 编码的字节`, `the file is damaged: the part ${part} holds bytes that are not valid ${encoding}`);
  }
  if (!(utf16 || foreign) || declaration === undefined) return text;
  const { version = "1.0", standalone } = declaration;
  return `<?xml version="${version}" encoding="UTF-8"${standalone ? ` standalone="${standalone}"` : ""}?>${text.slice(declaration.end)}`;
}

/** Inserts text into a part at an index. */
function insertAt(xml: string, at: number, text: string): string {
  return xml.slice(0, at) + text + xml.slice(at);
}

/**
 * A part's relationships as read (external ones are skipped: they name no part), and the ones
 * added and removed. Tokenized once: a copy adds relationships to hundreds of sheets' parts.
 */
export class RelationshipsPart {
  readonly list: Relationship[];
  /** The folder of the part these relationships belong to: targets are relative to it. */
  readonly sourceFolder: string;
  private readonly root: XmlElement;
  /** Every <Relationship> as written, external ones too: its id and [start, end). */
  private readonly written: { id: string | undefined; start: number; end: number }[] = [];
  /** The ids in the part now, as a new id must differ from each (undefined for an element without one). */
  private readonly taken = new Set<string | undefined>();
  private readonly added: { id: string; xml: string }[] = [];
  /** Ids of relationships written in the part and removed since. */
  private readonly removed = new Set<string>();

  constructor(
    private readonly xml: string,
    source: string,
  ) {
    let root: XmlElement | undefined;
    const relationships: XmlElement[] = [];
    readPartXml(relsPathOf(source), () =>
      scanXml(xml, {
        open: (element) => {
          if (element.depth === 0) root = element;
          else if (element.local === "Relationship") relationships.push(element);
        },
      }),
    );
    // The tokenizer refuses a text without a root element.
    this.root = root!;
    this.sourceFolder = partFolder(source);
    for (const r of relationships) {
      this.written.push({ id: r.attributes.Id, start: r.start, end: r.end });
      this.taken.add(r.attributes.Id);
    }
    this.list = relationships
      .filter((r) => r.attributes.TargetMode !== "External")
      .map((r) => ({ id: r.attributes.Id ?? "", type: r.attributes.Type ?? "", part: resolvePart(this.sourceFolder, r.attributes.Target ?? "") }));
  }

  /** The first relationship of a kind; Strict Open XML and Microsoft's extensions use other namespaces for the same kinds. */
  ofType(kind: string): Relationship | undefined {
    return this.list.find((r) => r.type.endsWith(`/${kind}`));
  }

  allOfType(kind: string): Relationship[] {
    return this.list.filter((r) => r.type.endsWith(`/${kind}`));
  }

  /** The relationship a part names by its id (a sheet's r:id), of a kind when one is given. */
  byId(id: string, kind?: string): Relationship | undefined {
    return this.list.find((r) => r.id === id && (kind === undefined || r.type.endsWith(`/${kind}`)));
  }

  /** Adds a relationship to a part in the source's folder; returns its new id. */
  add(kind: string, target: string): string {
    let n = this.taken.size + 1;
    while (this.taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.taken.add(id);
    this.added.push({ id, xml: `<${this.root.prefix}Relationship Id="${id}" Type="${REL_TYPE}${kind}" Target="${escapeAttribute(target)}"/>` });
    return id;
  }

  /** Whether the part holds no relationship now (清除标记 took the notes' away). */
  get isEmpty(): boolean {
    return this.taken.size === 0;
  }

  remove(ids: Set<string>): void {
    for (const id of ids) {
      if (!this.taken.delete(id)) continue;
      const added = this.added.findIndex((a) => a.id === id);
      if (added !== -1) this.added.splice(added, 1);
      else this.removed.add(id);
    }
  }

  /** The part with the relationships added after those written, the removed ones cut out. */
  toXml(): string {
    const added = this.added.map((a) => a.xml).join("");
    const { xml, root } = this;
    if (root.selfClosing) return added ? xml.slice(0, root.start) + startTag(root) + added + `</${root.name}>` + xml.slice(root.end) : xml;
    let out = "";
    let at = 0;
    for (const r of this.written) {
      if (r.id === undefined || !this.removed.has(r.id)) continue;
      out += xml.slice(at, r.start);
      at = r.end;
    }
    return out + xml.slice(at, root.contentEnd) + added + xml.slice(root.contentEnd);
  }
}

/**
 * [Content_Types].xml: which kind each part is. Read once into its children, as a copy sets the
 * types of hundreds of new parts (a notes part and a drawing per marked sheet).
 */
export class ContentTypes {
  /** The namespace prefix the part writes its elements with ("" for none). */
  private readonly prefix: string;
  /** The text up to the root's content, and from its end tag on. */
  private readonly head: string;
  private readonly tail: string;
  /** The root's children as written (each with the blanks after it), overrides with their part name in lower case. */
  private readonly children: { text: string; override?: string }[] = [];
  /** Overrides removed, and those set anew (by part name in lower case, in the order set). */
  private readonly removed = new Set<string>();
  private readonly added = new Map<string, string>();

  constructor(xml: string) {
    let root: XmlElement | undefined;
    const childElements: XmlElement[] = [];
    readPartXml(CONTENT_TYPES, () =>
      scanXml(xml, {
        open: (element) => {
          if (element.depth === 0) root = element;
          else if (element.depth === 1) childElements.push(element);
        },
      }),
    );
    // The tokenizer refuses a text without a root element.
    const types = root!;
    this.prefix = types.prefix;
    this.head = types.selfClosing ? xml.slice(0, types.start) + startTag(types) : xml.slice(0, childElements[0]?.start ?? types.contentEnd);
    this.tail = types.selfClosing ? `</${types.name}>` + xml.slice(types.end) : xml.slice(types.contentEnd);
    childElements.forEach((element, i) => {
      const to = childElements[i + 1]?.start ?? (types.selfClosing ? element.end : types.contentEnd);
      const text = xml.slice(element.start, to);
      this.children.push(element.local === "Override" ? { text, override: (element.attributes.PartName ?? "").toLowerCase() } : { text });
    });
  }

  /** Sets the type of one part, replacing any it had. */
  set(part: string, type: string): void {
    const name = `/${part}`.toLowerCase();
    this.removed.add(name);
    this.added.set(name, `<${this.prefix}Override PartName="/${escapeAttribute(part)}" ContentType="${type}"/>`);
  }

  remove(part: string): void {
    // Part names are compared ignoring case (ECMA-376 Part 2, §9.1.1.1).
    const name = `/${part}`.toLowerCase();
    this.removed.add(name);
    this.added.delete(name);
  }

  toXml(): string {
    const kept = this.children.filter((child) => child.override === undefined || !this.removed.has(child.override)).map((child) => child.text);
    return this.head + kept.join("") + [...this.added.values()].join("") + this.tail;
  }
}

/**
 * Whether a zip entry's name can name a part: a path relative to the package's root, with forward
 * slashes only and no empty, "." or ".." segment (APPNOTE 4.4.17: no drive letter, no leading
 * slash, forward slashes; OPC, ECMA-376 Part 2 §9.1.1.1: a part name's segments are not empty and
 * are not "." or ".."). A relationship cannot lead to such an entry (its target resolves to a part
 * name), and a zip tool unpacking the copy would write `../../evil.txt` outside its folder.
 */
export function isPartName(name: string): boolean {
  if (name.includes("\\") || /^[A-Za-z]:/.test(name)) return false;
  return name.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** DOS date 1980-01-01, time 00:00, for parts the copy adds. */
const ZIP_EPOCH = { time: 0, date: (1 << 5) | 1 };

export class Package {
  /** Entries by part name in lower case: part names are compared ignoring case. */
  private readonly entries = new Map<string, ZipEntry>();
  /** Text of the parts read so far, kept for the writer so nothing is inflated twice. */
  private readonly texts = new Map<string, string>();
  /**
   * Parts written anew, as the zip entries they become (deflated when put, so a copy of a
   * thousand sheets does not hold their text until the end), or removed (null), by lower-case name.
   */
  private readonly changes = new Map<string, ZipEntry | null>();
  private inflatedTotal = 0;
  /** The entries whose bytes passed their checksum (checkedBytes). */
  private readonly checked = new Set<ZipEntry>();
  /** Where the reader found each sheet's rows, for the writer (dropped when a part is written anew). */
  private readonly layouts = new Map<string, SheetLayout>();
  /**
   * The zip's entries whose names are no part names (partName), as the zip writes them, in its
   * order: not parts of the package, so neither read, nor checked, nor copied (review round 56b, L3).
   */
  readonly strayEntries: string[] = [];

  private constructor(
    entries: ZipEntry[],
    private readonly codec: Codec,
    private readonly limits: ReadLimits,
  ) {
    for (const entry of entries) {
      if (entry.name.endsWith("/")) continue;
      if (!isPartName(entry.name)) {
        this.strayEntries.push(entry.name);
        continue;
      }
      const key = entry.name.toLowerCase();
      const twin = this.entries.get(key);
      // Part names are told apart without case (OPC): two that differ only so, or a name twice,
      // would leave one part out of the copy unseen. The same bytes twice are one part.
      if (twin && (twin.crc !== entry.crc || twin.size !== entry.size)) {
        throw twin.name === entry.name
          ? new PackageError(`文件已损坏：压缩包里的部件 ${entry.name} 出现了两次，内容不同`, `the file is damaged: the zip holds the part ${entry.name} twice, with different contents`)
          : new PackageError(
              `文件已损坏：压缩包里有两个只差大小写的同名部件 ${twin.name} 和 ${entry.name}`,
              `the file is damaged: the zip holds two parts whose names differ only in case, ${twin.name} and ${entry.name}`,
            );
      }
      if (!twin) this.entries.set(key, entry);
    }
  }

  /** The package of a zip's bytes; a zip this cannot read throws PackageError. */
  static open(bytes: Uint8Array, codec: Codec = fflateCodec, limits: ReadLimits = DEFAULT_LIMITS): Package {
    try {
      return new Package(readZip(bytes), codec, limits);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      throw new PackageError(`文件已损坏，无法作为 .xlsx 打开（${error.text.zh}）`, `the file is damaged and cannot be opened as .xlsx (${error.text.en})`);
    }
  }

  /** Per stem and extension, the n below which every `${stem}${n}${ext}` is taken (see freePart). */
  private readonly taken = new Map<string, number>();

  /**
   * A part name not in the package yet: `${stem}${n}${ext}` for the smallest free n. Numbers
   * counted past are remembered (parts are added far more often than removed, and a removed
   * part's number is simply not reused), so a copy that adds a part per sheet does not count from 1 each time.
   */
  freePart(stem: string, ext: string): string {
    const key = `${stem}\u0000${ext}`;
    let n = this.taken.get(key) ?? 1;
    while (this.has(`${stem}${n}${ext}`)) n++;
    this.taken.set(key, n + 1);
    return `${stem}${n}${ext}`;
  }

  has(part: string): boolean {
    const key = part.toLowerCase();
    const change = this.changes.get(key);
    return change !== undefined ? change !== null : this.entries.has(key);
  }

  /** The names of the parts as the copy will hold them. */
  partNames(): string[] {
    const names = [...this.entries.keys()].filter((key) => this.changes.get(key) !== null).map((key) => this.entries.get(key)!.name);
    for (const [key, change] of this.changes) if (change && !this.entries.has(key)) names.push(change.name);
    return names;
  }

  /**
   * A size the zip's directory declares that the entry's data cannot inflate to (review round 52a,
   * L2): stored data is its own size, and deflate makes at most 1,032 bytes of each byte it reads
   * (a 258-byte match in under two bits). Told before the limits, so that such a lie reads as
   * damage, not as a part too large to read. A lie within what the data could make stays unseen
   * until the part is inflated (a part past the limits is refused unread).
   */
  private refuseImpossibleSize(part: string, entry: ZipEntry): void {
    const most = entry.method === 0 ? entry.data.length : entry.data.length * MAX_DEFLATE_RATIO;
    if (entry.size <= most) return;
    throw new PackageError(
      `文件已损坏：部件 ${part} 声明解压后有 ${entry.size} 字节，但它的 ${entry.data.length} 字节压缩数据解压不出这么多`,
      `the file is damaged: the part ${part} declares ${entry.size} bytes inflated, more than its ${entry.data.length} bytes of compressed data can hold`,
    );
  }

  /** A part's inflated bytes, checked against the limits before inflating. */
  private inflate(part: string, entry: ZipEntry): Uint8Array {
    const { maxPartBytes, maxTotalBytes } = this.limits;
    if (entry.size > Math.min(maxPartBytes, LONGEST_TEXT) || this.inflatedTotal + entry.size > maxTotalBytes) this.refuseImpossibleSize(part, entry);
    if (entry.size > Math.min(maxPartBytes, LONGEST_TEXT)) {
      const limit = limitMegabytes(Math.min(maxPartBytes, LONGEST_TEXT));
      throw new PartTooLargeError(
        `部件 ${part} 解压后有 ${megabytes(entry.size)} MB，超过每个部件 ${limit} MB 的上限（命令行可用 --max-size 提高）`,
        `the part ${part} inflates to ${megabytes(entry.size)} MB, over the limit of ${limit} MB per part (the command line's --max-size raises it)`,
      );
    }
    if (this.inflatedTotal + entry.size > maxTotalBytes) {
      throw new PartTooLargeError(
        `工作簿解压后超过 ${limitMegabytes(maxTotalBytes)} MB 的上限（读到 ${part} 时；命令行可用 --max-size 提高）`,
        `the workbook inflates to more than the limit of ${limitMegabytes(maxTotalBytes)} MB (at ${part}; the command line's --max-size raises it)`,
      );
    }
    this.inflatedTotal += entry.size;
    return this.checkedBytes(part, entry);
  }

  /**
   * A part's inflated bytes, checked against its checksum: damaged data can inflate to the declared
   * size all the same, and stored data is not inflated at all.
   */
  private checkedBytes(part: string, entry: ZipEntry): Uint8Array {
    let bytes = entry.data;
    // An empty part flagged deflated holds no data at all, as the zip format asks of empty entries.
    const empty = entry.size === 0 && entry.data.length === 0;
    if (entry.method !== 0 && !empty) {
      try {
        bytes = this.codec.inflate(entry.data, entry.size);
      } catch (error) {
        const why = error instanceof InflatedSizeError ? error.text : { zh: "压缩数据无效", en: "invalid compressed data" };
        throw new PackageError(`文件已损坏：部件 ${part} 无法解压（${why.zh}）`, `the file is damaged: the part ${part} cannot be inflated (${why.en})`);
      }
    }
    if (this.crc32(bytes) !== entry.crc) throw new PackageError(`文件已损坏：部件 ${part} 校验和不符`, `the file is damaged: the part ${part} fails its checksum`);
    this.checked.add(entry);
    return bytes;
  }

  private crc32(bytes: Uint8Array): number {
    return this.codec.crc32 ? this.codec.crc32(bytes) : crc32(bytes);
  }

  /**
   * A part's text, inflated once. `keep: false` for a part read once and never written (the
   * shared strings), so its text is not held.
   */
  text(part: string, keep = true): string | undefined {
    const key = part.toLowerCase();
    const change = this.changes.get(key);
    if (change !== undefined) return change === null ? undefined : DECODERS["UTF-8"].decode(this.codec.inflate(change.data, change.size));
    const kept = this.texts.get(key);
    if (kept !== undefined) return kept;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const text = partText(part, this.inflate(part, entry));
    if (keep) this.texts.set(key, text);
    return text;
  }

  /** A part that must be there; `what` names it for the reader ("the shared strings"); `keep` as for text(). */
  required(part: string, what?: { zh: string; en: string }, keep = true): string {
    const xml = this.text(part, keep);
    if (xml === undefined) {
      throw new PackageError(
        what ? `文件已损坏：缺少${what.zh}（${part}）` : `文件已损坏：缺少 ${part}`,
        what ? `the file is damaged: ${what.en} (${part}) is missing` : `the file is damaged: ${part} is missing`,
      );
    }
    return xml;
  }

  setSheetLayout(part: string, layout: SheetLayout): void {
    this.layouts.set(part.toLowerCase(), layout);
  }

  /** Where the reader found a sheet part's rows and cells; undefined for a part it did not read. */
  sheetLayout(part: string): SheetLayout | undefined {
    return this.layouts.get(part.toLowerCase());
  }

  /**
   * The reader's layout of a sheet part, or, for a part it did not read (a chart sheet jixiao's
   * record names), one tokenizer pass's, kept; that part not being well-formed XML is refused, named.
   */
  layoutOf(part: string): SheetLayout {
    let layout = this.sheetLayout(part);
    if (layout === undefined) {
      const xml = this.required(part);
      this.setSheetLayout(part, (layout = readPartXml(part, () => sheetLayout(xml))));
    }
    return layout;
  }

  put(part: string, xml: string | Uint8Array): void {
    const key = part.toLowerCase();
    this.texts.delete(key);
    this.layouts.delete(key);
    const bytes = typeof xml === "string" ? UTF8_ENCODER.encode(xml) : xml;
    const entry = this.entries.get(key);
    this.changes.set(key, {
      name: entry?.name ?? part,
      method: 8,
      crc: this.crc32(bytes),
      size: bytes.length,
      data: this.codec.deflate(bytes),
      // A changed part keeps its date; a new one gets the zip epoch.
      time: entry?.time ?? ZIP_EPOCH.time,
      date: entry?.date ?? ZIP_EPOCH.date,
    });
  }

  remove(part: string): void {
    const key = part.toLowerCase();
    this.texts.delete(key);
    this.layouts.delete(key);
    this.changes.set(key, null);
  }

  /**
   * Removes a part with its own relationships and the parts only they lead to, and theirs in turn
   * (a macro's signature; a summary's drawing, its chart and the chart's relationships). A part
   * another part that stays still relates to (a picture LibreOffice stores once for two sheets) stays.
   */
  removeWithRelated(part: string, contentTypes: ContentTypes): void {
    for (const name of this.partsGoingWith(part)) {
      this.remove(name);
      contentTypes.remove(name);
    }
  }

  /** The parts removeWithRelated(part) removes, relationships parts included, as they are named. */
  partsGoingWith(part: string): string[] {
    const removing = new Set<string>();
    const collect = (name: string) => {
      const key = name.toLowerCase();
      if (removing.has(key) || !this.has(name)) return; // parts may lead to each other
      removing.add(key);
      const relsXml = this.text(relsPathOf(name));
      if (relsXml) for (const related of new RelationshipsPart(relsXml, name).list) collect(related.part);
    };
    collect(part);
    // The parts related to from parts that stay: only a part no other leads to goes with this one.
    const kept = new Set<string>();
    if (removing.size > 1) {
      for (const name of this.partNames()) {
        if (!name.endsWith(".rels") || removing.has(sourceOfRels(name).toLowerCase())) continue;
        const xml = this.text(name);
        if (xml) for (const related of new RelationshipsPart(xml, sourceOfRels(name)).list) kept.add(related.part.toLowerCase());
      }
    }
    const going: string[] = [];
    for (const name of this.partNames()) {
      const key = name.toLowerCase();
      if (!removing.has(key) || (key !== part.toLowerCase() && kept.has(key))) continue;
      const relsPath = relsPathOf(name);
      if (this.has(relsPath)) going.push(relsPath);
      going.push(name);
    }
    return going;
  }

  /**
   * Checks a part not read so far as a copy of it checks it: its checksum, or, past the per-part
   * limit, only that its data could make the size it declares (inflating it to check is what the
   * limit is there to prevent).
   */
  private checkUnread(entry: ZipEntry): void {
    if (this.checked.has(entry)) return;
    if (entry.size <= Math.min(this.limits.maxPartBytes, LONGEST_TEXT)) this.checkedBytes(entry.name, entry);
    else this.refuseImpossibleSize(entry.name, entry);
  }

  /**
   * Every part checked as the copy would check it (toBytes), and the content types read, for a
   * reader that writes no copy (`jixiao review`): a file `score` refuses as damaged is refused
   * alike (review round 52a, L1). `dropped`: the parts the copy would remove unread, which it does
   * not check (src/xlsx/copy-drops.ts partsCopyDrops). The parts' bytes are not kept.
   */
  checkWhole(dropped: Iterable<string> = []): void {
    new ContentTypes(this.required(CONTENT_TYPES, undefined, false));
    const skipped = new Set([...dropped].map((name) => name.toLowerCase()));
    for (const [key, entry] of this.entries) if (!skipped.has(key)) this.checkUnread(entry);
  }

  /**
   * The package as zip bytes: changed and new parts as put, the others copied still compressed. A
   * copy the zip cannot hold throws CopyWriteError.
   */
  toBytes(): Uint8Array {
    const out: ZipEntry[] = [];
    for (const [key, entry] of this.entries) {
      const change = this.changes.get(key);
      if (change === undefined) {
        // A part copied as it is was not always read: checked now, so that a damaged one (a theme,
        // a picture) is told rather than copied into the copy.
        this.checkUnread(entry);
        out.push(entry);
      } else if (change !== null) out.push(change);
    }
    for (const [key, change] of this.changes) if (change && !this.entries.has(key)) out.push(change);
    try {
      return writeZip(out);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      throw new CopyWriteError(error.text.zh, error.text.en);
    }
  }
}

/**
 * A workbook window's tab (activeTab, firstSheet) as a sheet's number among `sheets`: absent, or one
 * that is no sheet's (-1, "x", past the last sheet, as other programs write), is the first sheet's.
 */
export function tabIndex(value: string | undefined, sheets: number): number {
  const tab = Number(value ?? 0);
  return Number.isInteger(tab) && tab >= 0 && tab < sheets ? tab : 0;
}

/** The workbook part: its sheets by name, and the edits it takes. */
export class WorkbookPart {
  private readonly prefix: string;

  /** `part` names the part in a refusal of its XML. */
  constructor(
    part: string,
    private xml: string,
  ) {
    this.prefix = readPartXml(part, () => rootElement(xml)).prefix;
  }

  /** The sheets in workbook order: name, relationship id (r:id, whatever its prefix), visibility. */
  sheetList(): { name: string; relationshipId: string; element: XmlElement }[] {
    return elements(this.xml, "sheet")
      .map((element) => ({ name: element.attributes.name, relationshipId: attributeByLocal(element, "id") ?? "", element }))
      .filter((sheet) => sheet.name !== undefined);
  }

  /** Sheet name → relationship id. */
  sheets(): Map<string, string> {
    return new Map(this.sheetList().map((sheet) => [sheet.name, sheet.relationshipId]));
  }

  /** Whether dates count from 1904 (Mac Excel's old default) rather than 1900. */
  date1904(): boolean {
    return isTrue(firstElement(this.xml, "workbookPr")?.attributes.date1904);
  }

  /** Whether the workbook's structure is protected (no sheet may be added, renamed or removed). */
  structureLocked(): boolean {
    return isTrue(firstElement(this.xml, "workbookProtection")?.attributes.lockStructure);
  }

  /**
   * Each window's tabs (activeTab, firstSheet) that are no sheet's number set to the first sheet
   * (tabIndex): Excel repairs a workbook whose active tab is -1, and 清除标记 reads them (review
   * round 52a, M1). Before a sheet is added, so that a tab past the last sheet does not become it.
   */
  validTabs(): void {
    const count = this.sheetList().length;
    for (const view of elements(this.xml, "workbookView").reverse()) {
      const changes: Record<string, string> = {};
      for (const name of ["activeTab", "firstSheet"]) {
        const value = view.attributes[name];
        if (value !== undefined && String(tabIndex(value, count)) !== value) changes[name] = String(tabIndex(value, count));
      }
      if (Object.keys(changes).length > 0) this.xml = this.xml.slice(0, view.start) + startTag(view, changes, view.selfClosing) + this.xml.slice(view.openEnd);
    }
  }

  addSheet(name: string, relationshipId: string): void {
    const sheetIds = elements(this.xml, "sheet").map((s) => Number(s.attributes.sheetId) || 0);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const sheets = firstElement(this.xml, "sheets");
    if (!sheets) throw new PackageError("文件已损坏：工作簿部件没有工作表列表", "the file is damaged: the workbook part has no sheet list");
    // The r: prefix is declared on the element itself, whatever the workbook's root declares.
    const sheet = `<${this.prefix}sheet xmlns:r="${RELATIONSHIPS_NS}" name="${escapeAttribute(name)}" sheetId="${sheetId}" r:id="${relationshipId}"/>`;
    this.xml = sheets.selfClosing
      ? this.xml.slice(0, sheets.start) + startTag(sheets) + sheet + `</${sheets.name}>` + this.xml.slice(sheets.end)
      : insertAt(this.xml, sheets.contentEnd, sheet);
  }

  /**
   * Asks Excel to recalculate when the copy is opened: the user's own formulas (a 总分 =SUM(...))
   * may depend on the cells filled in.
   */
  recalculateOnLoad(): void {
    const calcPr = firstElement(this.xml, "calcPr");
    if (calcPr) {
      this.xml = this.xml.slice(0, calcPr.start) + startTag(calcPr, { fullCalcOnLoad: "1" }, calcPr.selfClosing) + this.xml.slice(calcPr.openEnd);
      return;
    }
    // calcPr comes after these in the schema's order, before everything else.
    let at = -1;
    for (const before of ["sheets", "functionGroups", "externalReferences", "definedNames"]) {
      const element = firstElement(this.xml, before);
      if (element && element.depth === 1) at = Math.max(at, element.end);
    }
    if (at === -1) return;
    this.xml = insertAt(this.xml, at, `<${this.prefix}calcPr fullCalcOnLoad="1"/>`);
  }

  toXml(): string {
    return this.xml;
  }
}

/** The workbook's sheets that have a part, with it, in workbook order. */
export class SheetParts {
  private readonly parts: Map<string, string>;
  private readonly names: string[];

  constructor(workbook: WorkbookPart, rels: RelationshipsPart) {
    const parts = new Map<string, string>();
    for (const [name, id] of workbook.sheets()) {
      const part = rels.byId(id)?.part;
      if (part !== undefined) parts.set(name, part);
    }
    this.parts = parts;
    this.names = [...parts.keys()];
  }

  get(sheet: string): string | undefined {
    return this.parts.get(sheet);
  }

  /** The part of a sheet the reader read: not finding one here is a package we misread. */
  required(sheet: string): string {
    const part = this.parts.get(sheet);
    if (!part) throw new PackageError(`文件已损坏：工作簿中找不到工作表“${sheet}”的内容`, `the file is damaged: the workbook holds no content for sheet "${sheet}"`);
    return part;
  }

  sheets(): string[] {
    return this.names;
  }

  /** A sheet's number in workbook order, from 1: each sheet's note drawing numbers its shapes by it. */
  number(sheet: string): number {
    return this.names.indexOf(sheet) + 1;
  }
}

/** The workbook part and its relationships, found through the package's root relationships. */
export function workbookParts(pkg: Package): { path: string; workbook: WorkbookPart; relsPath: string; rels: RelationshipsPart } {
  const rootRels = new RelationshipsPart(pkg.required("_rels/.rels"), "");
  const path = rootRels.ofType("officeDocument")?.part ?? "xl/workbook.xml";
  const relsPath = relsPathOf(path);
  return {
    path,
    workbook: new WorkbookPart(path, pkg.required(path)),
    relsPath,
    rels: new RelationshipsPart(pkg.required(relsPath), path),
  };
}
