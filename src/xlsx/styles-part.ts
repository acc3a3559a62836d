/**
 * Adds cell formats to a workbook's styles part (xl/styles.xml) without touching the ones it has:
 * a flagged cell keeps its font, border and alignment and gains a fill; a filled-in cell gains a
 * number format; the 综合得分 sheet gets its own formats. New entries go at the end of each list.
 */
import { SUMMARY_BORDER_COLOR, SUMMARY_STYLES, SummaryStyle, summaryFont } from "../core/summary-types";
import { XmlElement, XmlError, elements, escapeAttribute, isTrue, rootElement, scanXml, startTag } from "./xml";

/** A stylesheet for a package that has none: the editor gives it the lists every workbook has (FIRST_ENTRIES). */
export const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/** Number formats Excel knows by id without listing them (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const BUILT_IN_CODES = new Map(Object.entries(BUILT_IN_FORMATS).map(([code, id]) => [id, code]));

/** The first custom number format id (ids below are reserved for built-in formats). */
const FIRST_CUSTOM_FORMAT = 164;

const RESERVED_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];

/** The lists of a stylesheet in the order its schema requires. */
const LIST_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];
/** What follows the lists, in order: a list added where it was missing goes before these too. */
const AFTER_LISTS = ["tableStyles", "colors", "extLst"];

const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/**
 * What a list a stylesheet lacks, or leaves empty, starts with: the font, border and formats at
 * index 0 that every cell without its own refers to, and the two fills Excel reserves. Entries
 * added after them then never take those places.
 */
const FIRST_ENTRIES: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: RESERVED_FILLS,
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: [DEFAULT_XF],
};

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function solidFill(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/**
 * The cell formats a copy may hold at most: Excel 2007 and 2010 take 64,000 (later ones 65,490).
 * A workbook near it (formats bloated by copying between units' files) gets no new format of
 * jixiao's past it: the cell keeps its own (a mark then shows by its note alone, a value filled
 * in is in the cell's format), the 综合得分's cell the default (review round 53c, L4).
 */
const MAX_FORMATS_WRITTEN = 64000;

/** One list of the stylesheet (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs) and what is added to it. */
class StyleList {
  readonly existing: string[] = [];
  readonly added: string[] = [];
  private readonly byXml = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly element: XmlElement | undefined,
    items: string[],
  ) {
    for (const itemXml of items) {
      // An entry the workbook has already (from an earlier run) is used again, not added twice.
      if (!this.byXml.has(itemXml)) this.byXml.set(itemXml, this.existing.length);
      this.existing.push(itemXml);
    }
  }

  /** The entry at an index, existing or added. */
  item(index: number): string | undefined {
    return index < this.existing.length ? this.existing[index] : this.added[index - this.existing.length];
  }

  get size(): number {
    return this.existing.length + this.added.length;
  }

  /** Appends an entry even when the same one is there (for the list's reserved places). */
  append(itemXml: string): void {
    this.added.push(itemXml);
  }

  /** The index of an entry written exactly so, added once. */
  add(itemXml: string): number {
    return this.addWithin(itemXml, Infinity)!;
  }

  /** add, but undefined for a new entry past `limit` entries. */
  addWithin(itemXml: string, limit: number): number | undefined {
    let index = this.byXml.get(itemXml);
    if (index === undefined) {
      if (this.size >= limit) return undefined;
      index = this.size;
      this.added.push(itemXml);
      this.byXml.set(itemXml, index);
    }
    return index;
  }
}

export class StyleSheetEditor {
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly numFmts: StyleList;
  private readonly fonts: StyleList;
  private readonly fills: StyleList;
  private readonly borders: StyleList;
  private readonly cellStyleXfs: StyleList;
  private readonly cellXfs: StyleList;
  private readonly customFormats = new Map<string, number>();
  /** The workbook's own number formats and those added, by id. */
  private readonly formatCodes = new Map<number, string>();
  private nextFormatId = FIRST_CUSTOM_FORMAT;
  private readonly derived = new Map<string, number>();
  private readonly summary = new Map<string, number>();

  /** The stylesheet's top-level elements by local name (the first of each). */
  private readonly topLevel = new Map<string, XmlElement>();

  constructor(private readonly xml: string) {
    // One tokenizer pass: the lists under the root, and the items of each as written.
    const items = new Map<string, string[]>();
    const numFmtElements: XmlElement[] = [];
    let root: XmlElement | undefined;
    let current: XmlElement | undefined;
    scanXml(xml, {
      open: (element) => {
        if (element.depth === 0) root = element;
        if (element.depth !== 1) return;
        // Only the first list of a name counts (a second one would be invalid).
        current = this.topLevel.has(element.local) ? undefined : element;
        if (current) this.topLevel.set(element.local, element);
      },
      close: (element) => {
        if (element.depth !== 2 || !current) return;
        let listItems = items.get(current.local);
        if (!listItems) items.set(current.local, (listItems = []));
        listItems.push(xml.slice(element.start, element.end));
        if (current.local === "numFmts") numFmtElements.push(element);
      },
    });
    if (!root) throw new XmlError("no root element");
    this.root = root;
    this.prefix = root.prefix;
    const list = (name: string) => {
      const styleList = new StyleList(name, this.topLevel.get(name), items.get(name) ?? []);
      if (styleList.size === 0) for (const entry of FIRST_ENTRIES[name] ?? []) styleList.append(this.prefixed(entry));
      return styleList;
    };
    this.numFmts = list("numFmts");
    this.fonts = list("fonts");
    this.fills = list("fills");
    this.borders = list("borders");
    this.cellStyleXfs = list("cellStyleXfs");
    this.cellXfs = list("cellXfs");
    for (const numFmt of numFmtElements) {
      const id = Number(numFmt.attributes.numFmtId);
      const code = numFmt.attributes.formatCode;
      if (!Number.isInteger(id) || code === undefined) continue;
      this.customFormats.set(code, id);
      this.formatCodes.set(id, code);
      this.nextFormatId = Math.max(this.nextFormatId, id + 1);
    }
  }

  /**
   * Makes the formats up to `highest` exist, as the default, where the list is shorter: a cell
   * naming a format the list lacks shows the default, and a format added in that place would change
   * how it looks.
   */
  coverFormats(highest: number): void {
    while (this.cellXfs.size <= highest) this.cellXfs.append(this.prefixed(DEFAULT_XF));
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.customFormats.set(code, id);
      this.formatCodes.set(id, code);
      this.numFmts.add(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    }
    return id;
  }

  /** The format `base` with a number format or a solid fill put over it; made once per pair. */
  derive(base: number, change: { numFmt: string } | { fill: string }): number {
    const key = `${base}|${"numFmt" in change ? `n${change.numFmt}` : `f${change.fill}`}`;
    return this.derivedFormat(base, key, () =>
      "numFmt" in change
        ? { numFmtId: String(this.formatId(change.numFmt)), applyNumberFormat: "1" }
        : { fillId: String(this.fillId(change.fill)), applyFill: "1" },
    );
  }

  /** fillOf's answers, by format. */
  private readonly fillShown = new Map<number, string | null>();

  /**
   * The fill a format shows, as the core's marks compare fills: "#RRGGBB" for a solid colour, null
   * for none, else the fill's own XML (a pattern, a theme colour), which `withFill` puts back as it was.
   */
  fillOf(format: number): string | null {
    // Asked once per cell to mark, of a few formats; a format's <xf> never changes once written.
    let fill = this.fillShown.get(format);
    if (fill === undefined) this.fillShown.set(format, (fill = this.readFillOf(format)));
    return fill;
  }

  private readFillOf(format: number): string | null {
    const xf = this.cellXfs.item(format);
    return this.fillToken(xf ? Number(rootElement(xf).attributes.fillId ?? 0) : 0);
  }

  /** fillOf's token of one entry of the fills list. */
  private fillToken(fillId: number): string | null {
    const fill = fillId > 0 ? this.fills.item(fillId) : undefined;
    if (fill === undefined) return null;
    const pattern = elements(fill, "patternFill")[0];
    if (!pattern) return fill; // a gradient
    const type = pattern.attributes.patternType;
    if (type === undefined || type === "none") return null;
    const color = elements(fill, "fgColor")[0];
    const rgb = color?.attributes.rgb;
    if (type === "solid" && rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) && color.attributes.tint === undefined) return `#${rgb.slice(2).toUpperCase()}`;
    return fill;
  }

  /** The format `base` showing `fill` (a token of `fillOf`): a colour, none, or a fill's own XML. */
  withFill(base: number, fill: string | null): number {
    if (fill !== null && fill.startsWith("#")) return this.derive(base, { fill });
    return this.derivedFormat(base, `${base}|x${fill ?? ""}`, () => {
      for (const reserved of RESERVED_FILLS.slice(this.fills.size)) this.fills.append(this.prefixed(reserved));
      return { fillId: String(fill === null ? 0 : this.fills.add(fill)), applyFill: "1" };
    });
  }

  /**
   * The format `base` with some attributes of its <xf> changed, made once per key. A format the
   * workbook has that looks the same is used instead of a new one: 清除标记 so gives a cell back the
   * user's own format, not a copy of it (review round 51a).
   */
  private derivedFormat(base: number, key: string, changes: () => Record<string, string | undefined>): number {
    let index = this.derived.get(key);
    if (index !== undefined) return index;
    // A format the sheet names but the list lacks shows as the default: derive from that.
    const xf = this.cellXfs.item(base) ?? this.prefixed(DEFAULT_XF);
    const element = rootElement(xf);
    const derived = startTag(element, changes(), element.selfClosing) + xf.slice(element.openEnd);
    index = this.existingLook(derived) ?? this.cellXfs.addWithin(derived, MAX_FORMATS_WRITTEN) ?? base;
    this.derived.set(key, index);
    return index;
  }

  /** The first of the workbook's own formats by look (lookOf), made when first asked. */
  private formatsByLook: Map<string, number> | undefined;

  private existingLook(xf: string): number | undefined {
    if (!this.formatsByLook) {
      this.formatsByLook = new Map();
      this.cellXfs.existing.forEach((existing, index) => {
        const look = this.lookOf(existing);
        if (!this.formatsByLook?.has(look)) this.formatsByLook?.set(look, index);
      });
    }
    return this.formatsByLook.get(this.lookOf(xf));
  }

  /**
   * An <xf> as it shows: its number format by code and its fill as fillOf reads it, not by their
   * ids (the user's 00FFFF00 and jixiao's FFFFFF00 are one yellow; custom General is built-in
   * General); an apply… of "1", what Excel assumes when it is left out, is dropped.
   */
  private lookOf(xf: string): string {
    const element = rootElement(xf);
    const { numFmtId = "0", fillId = "0", ...others } = element.attributes;
    const code = this.formatCodes.get(Number(numFmtId)) ?? BUILT_IN_CODES.get(Number(numFmtId)) ?? `#${numFmtId}`;
    const parts = [`n=${code}`, `f=${this.fillToken(Number(fillId))}`];
    for (const name of Object.keys(others).sort()) {
      if (!(name.startsWith("apply") && isTrue(others[name]))) parts.push(`${name}=${others[name]}`);
    }
    return parts.join(" ") + xf.slice(element.openEnd);
  }

  /** A solid fill's index. Excel draws fills 0 and 1 as none and gray125 whatever they say: a short list gets those first. */
  private fillId(hex: string): number {
    for (const reserved of RESERVED_FILLS.slice(this.fills.size)) this.fills.append(this.prefixed(reserved));
    return this.fills.add(this.prefixed(solidFill(hex)));
  }

  /** The format of a 综合得分 cell of this style, in the workbook's own body font when it holds Chinese
   * text, else 宋体. */
  summaryFormat(style: SummaryStyle, numFmt: string | undefined): number {
    const key = `${style}|${numFmt ?? ""}`;
    let index = this.summary.get(key);
    if (index !== undefined) return index;
    const look = SUMMARY_STYLES[style];
    const font =
      "<font>" +
      (look.bold ? "<b/>" : "") +
      `<sz val="${look.size ?? this.defaultFontSize()}"/>` +
      (look.color ? `<color rgb="${argb(look.color)}"/>` : "") +
      `<name val="${escapeAttribute(summaryFont(this.defaultFontName()))}"/>` +
      "</font>";
    const fontId = this.fonts.add(this.prefixed(font));
    const fillId = look.fill ? this.fillId(look.fill) : 0;
    const side = (name: string) => `<${name} style="thin"><color rgb="${argb(SUMMARY_BORDER_COLOR)}"/></${name}>`;
    const borderId = look.border
      ? this.borders.add(this.prefixed(`<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`))
      : 0;
    const numFmtId = numFmt ? this.formatId(numFmt) : 0;
    const alignment =
      `<alignment vertical="top"` +
      (look.align ? ` horizontal="${look.align.toLowerCase()}"` : "") +
      (look.wrap ? ` wrapText="1"` : "") +
      "/>";
    index =
      this.cellXfs.addWithin(
        this.prefixed(
          `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`,
        ),
        MAX_FORMATS_WRITTEN,
      ) ?? 0;
    this.summary.set(key, index);
    return index;
  }

  private defaultFont(): string {
    return this.fonts.item(0) ?? "";
  }

  private defaultFontName(): string {
    return this.defaultFontValue("name") || "Calibri";
  }

  private defaultFontSize(): string {
    return this.defaultFontValue("sz") || "11";
  }

  /** The val attribute of one child of the default font (<name val="宋体"/>). */
  private defaultFontValue(child: string): string | undefined {
    const font = this.defaultFont();
    return font ? elements(font, child)[0]?.attributes.val : undefined;
  }

  /** Our entries are written unprefixed; a part whose elements carry a prefix gets it on them too. */
  private prefixed(itemXml: string): string {
    return this.prefix ? itemXml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${this.prefix}`) : itemXml;
  }

  /** Where a missing list goes: before the first list the schema puts after it, else at the end. */
  private insertionPoint(listName: string): number {
    for (const later of [...LIST_ORDER.slice(LIST_ORDER.indexOf(listName) + 1), ...AFTER_LISTS]) {
      const element = this.topLevel.get(later);
      if (element) return element.start;
    }
    return this.root.contentEnd;
  }

  /**
   * The stylesheet with the added entries and their lists' counts; unchanged when nothing was added
   * (and no list was missing or empty).
   */
  toXml(): string {
    // In the schema's order: missing lists put at one place go there in this order.
    const lists = [this.numFmts, this.fonts, this.fills, this.borders, this.cellStyleXfs, this.cellXfs].filter((l) => l.added.length > 0);
    if (lists.length === 0) return this.xml;
    // Edits from the end of the part backwards, so earlier positions stay valid.
    const edits: { at: number; remove: number; text: string }[] = [];
    // The missing lists, by where they go.
    const missing = new Map<number, string>();
    for (const list of lists) {
      const items = list.added.join("");
      const element = list.element;
      const name = this.prefix + list.name;
      if (!element) {
        const at = this.insertionPoint(list.name);
        missing.set(at, `${missing.get(at) ?? ""}<${name} count="${list.size}">${items}</${name}>`);
      } else if (element.selfClosing) {
        const tag = startTag(element, { count: String(list.size) });
        edits.push({ at: element.start, remove: element.end - element.start, text: `${tag}${items}</${element.name}>` });
      } else {
        edits.push({ at: element.contentEnd, remove: 0, text: items });
        edits.push({ at: element.start, remove: element.openEnd - element.start, text: startTag(element, { count: String(list.size) }) });
      }
    }
    const root = this.root;
    for (const [at, text] of missing) {
      // A root with no content (<styleSheet/>) is opened to hold them.
      if (root.selfClosing) edits.push({ at: root.start, remove: root.end - root.start, text: `${startTag(root)}${text}</${root.name}>` });
      else edits.push({ at, remove: 0, text });
    }
    // At one place, a list's start tag is rewritten before a missing list is put in front of it.
    edits.sort((a, b) => b.at - a.at || b.remove - a.remove);
    let xml = this.xml;
    for (const edit of edits) xml = xml.slice(0, edit.at) + edit.text + xml.slice(edit.at + edit.remove);
    return xml;
  }
}
