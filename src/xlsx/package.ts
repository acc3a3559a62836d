/**
 * The .xlsx package as parts: the zip (JSZip), the relationships that tie its parts together, the
 * content types, and the workbook part's sheet list. Just enough of Open Packaging Conventions to
 * read the sheet names and to write a copy with a few parts changed.
 */
import JSZip from "jszip";
import { BilingualError } from "../core/messages";
import { attribute, elements, escapeXml, firstElement, prefixOf, unescapeXml, withAttribute } from "./xml";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = `${RELATIONSHIPS_NS}/`;
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
/** A plain workbook: the scored copy is an .xlsx even when the input is an .xlsm or a template. */
export const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const CONTENT_TYPES = "[Content_Types].xml";

const UTF8_DECODER = new TextDecoder();
const UTF8_ENCODER = new TextEncoder();

/** The package is not the .xlsx it looked like: a part the workbook needs is missing. */
export class PackageError extends BilingualError {}

interface Relationship {
  id: string;
  type: string;
  /** Package path without a leading "/", "xl/worksheets/sheet1.xml". */
  part: string;
}

export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function folderOf(part: string): string {
  return part.includes("/") ? part.slice(0, part.lastIndexOf("/") + 1) : "";
}

/** A relationship target → a package path: relative to the source's folder, or absolute. */
function resolvePart(fromFolder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : fromFolder + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

export function relsPathOf(part: string): string {
  return `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;
}

/** A part's relationships (external ones are skipped: they name no part). */
export class RelationshipsPart {
  readonly list: Relationship[];
  /** The namespace prefix the part writes its elements with ("" for none). */
  private readonly prefix: string;
  /** The folder of the part these relationships belong to: targets are relative to it. */
  readonly sourceFolder: string;

  constructor(
    private xml: string,
    source: string,
  ) {
    this.prefix = prefixOf(xml, "Relationships");
    this.sourceFolder = folderOf(source);
    this.list = [...elements(xml, `${this.prefix}Relationship`)]
      .filter((r) => attribute(r.tag, "TargetMode") !== "External")
      .map((r) => ({
        id: attribute(r.tag, "Id") ?? "",
        type: attribute(r.tag, "Type") ?? "",
        part: resolvePart(folderOf(source), attribute(r.tag, "Target") ?? ""),
      }));
  }

  ofType(kind: string): Relationship | undefined {
    // Strict Open XML and Microsoft's own extensions use other namespaces for the same kinds.
    return this.list.find((r) => r.type.endsWith(`/${kind}`));
  }

  /** Adds a relationship to a part in the source's folder; returns its new id. */
  add(kind: string, target: string): string {
    const taken = new Set([...elements(this.xml, `${this.prefix}Relationship`)].map((r) => attribute(r.tag, "Id")));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const end = this.xml.lastIndexOf("</");
    this.xml = `${this.xml.slice(0, end)}<${this.prefix}Relationship Id="${id}" Type="${REL_TYPE}${kind}" Target="${escapeXml(target)}"/>${this.xml.slice(end)}`;
    return id;
  }

  remove(ids: Set<string>): void {
    for (const r of [...elements(this.xml, `${this.prefix}Relationship`)].reverse()) {
      if (ids.has(attribute(r.tag, "Id") ?? "")) this.xml = this.xml.slice(0, r.start) + this.xml.slice(r.end);
    }
  }

  toXml(): string {
    return this.xml;
  }
}

/** [Content_Types].xml: which kind each part is. */
export class ContentTypes {
  /** The namespace prefix the part writes its elements with ("" for none). */
  private readonly prefix: string;

  constructor(private xml: string) {
    this.prefix = prefixOf(xml, "Types");
  }

  /** Sets the type of one part, replacing any it had. */
  set(part: string, type: string): void {
    this.remove(part);
    const end = this.xml.lastIndexOf("</");
    this.xml = `${this.xml.slice(0, end)}<${this.prefix}Override PartName="/${escapeXml(part)}" ContentType="${type}"/>${this.xml.slice(end)}`;
  }

  remove(part: string): void {
    // Part names are compared ignoring case (ECMA-376 Part 2, §9.1.1.1).
    const name = `/${part}`.toLowerCase();
    for (const o of [...elements(this.xml, `${this.prefix}Override`)].reverse()) {
      if (attribute(o.tag, "PartName")?.toLowerCase() === name) this.xml = this.xml.slice(0, o.start) + this.xml.slice(o.end);
    }
  }

  toXml(): string {
    return this.xml;
  }
}

export class Package {
  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  // Parts go through TextDecoder/TextEncoder: the platform's UTF-8 is much faster than JSZip's own.
  async text(part: string): Promise<string | undefined> {
    const bytes = await this.zip.file(part)?.async("uint8array");
    return bytes && UTF8_DECODER.decode(bytes);
  }

  async required(part: string): Promise<string> {
    const xml = await this.text(part);
    if (xml === undefined) throw new PackageError(`工作簿缺少 ${part}`, `the workbook lacks ${part}`);
    return xml;
  }

  put(part: string, xml: string): void {
    this.zip.file(part, UTF8_ENCODER.encode(xml));
  }

  /** Removes a part with its own relationships and the parts only they lead to (a macro's signature). */
  async removeWithRelated(part: string, contentTypes: ContentTypes): Promise<void> {
    const relsPath = relsPathOf(part);
    const relsXml = await this.text(relsPath);
    if (relsXml) {
      for (const related of new RelationshipsPart(relsXml, part).list) {
        this.zip.remove(related.part);
        contentTypes.remove(related.part);
      }
      this.zip.remove(relsPath);
    }
    this.zip.remove(part);
    contentTypes.remove(part);
  }
}

/** The workbook part: its sheets by name, and the edits it takes. */
class WorkbookPart {
  private readonly prefix: string;

  constructor(private xml: string) {
    this.prefix = prefixOf(xml, "workbook");
  }

  /** Sheet name → relationship id (the r:id attribute, whatever its prefix). */
  sheets(): Map<string, string> {
    const sheets = new Map<string, string>();
    for (const sheet of elements(this.xml, `${this.prefix}sheet`)) {
      const id = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(sheet.tag);
      const name = attribute(sheet.tag, "name");
      if (id && name !== undefined) sheets.set(name, unescapeXml(id[1] ?? id[2]));
    }
    return sheets;
  }

  addSheet(name: string, relationshipId: string): void {
    const sheetIds = [...elements(this.xml, `${this.prefix}sheet`)].map((s) => Number(attribute(s.tag, "sheetId")) || 0);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    const end = this.xml.indexOf(`</${this.prefix}sheets>`);
    // The r: prefix is declared on the element itself, whatever the workbook's root declares.
    const sheet = `<${this.prefix}sheet xmlns:r="${RELATIONSHIPS_NS}" name="${escapeXml(name)}" sheetId="${sheetId}" r:id="${relationshipId}"/>`;
    this.xml = this.xml.slice(0, end) + sheet + this.xml.slice(end);
  }

  /**
   * Asks Excel to recalculate when the copy is opened: the user's own formulas (a 总分 =SUM(...))
   * may depend on the cells filled in.
   */
  recalculateOnLoad(): void {
    const calcPr = firstElement(this.xml, `${this.prefix}calcPr`);
    if (calcPr) {
      this.xml = this.xml.slice(0, calcPr.start) + withAttribute(calcPr.tag, "fullCalcOnLoad", "1") + this.xml.slice(calcPr.openEnd);
      return;
    }
    // calcPr comes after these in the schema's order, before everything else.
    let at = -1;
    for (const before of ["sheets", "functionGroups", "externalReferences", "definedNames"]) {
      const element = firstElement(this.xml, this.prefix + before);
      if (element) at = Math.max(at, element.end);
    }
    if (at === -1) return;
    this.xml = `${this.xml.slice(0, at)}<${this.prefix}calcPr fullCalcOnLoad="1"/>${this.xml.slice(at)}`;
  }

  toXml(): string {
    return this.xml;
  }
}


/** The workbook part and its relationships, found through the package's root relationships. */
export async function workbookParts(pkg: Package): Promise<{ path: string; workbook: WorkbookPart; relsPath: string; rels: RelationshipsPart }> {
  const rootRels = new RelationshipsPart(await pkg.required("_rels/.rels"), "");
  const path = rootRels.ofType("officeDocument")?.part ?? "xl/workbook.xml";
  const relsPath = relsPathOf(path);
  return {
    path,
    workbook: new WorkbookPart(await pkg.required(path)),
    relsPath,
    rels: new RelationshipsPart(await pkg.required(relsPath), path),
  };
}
