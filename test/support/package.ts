/**
 * Hand-made .xlsx packages for the reader's odd cases, written the way other producers write them:
 * Strict Open XML namespaces, an `x:` prefix on every element (OpenXML SDK), rows and cells without
 * `r`, inline strings, absolute relationship targets (openpyxl), chart sheets, comments, drawings.
 */
import { ZipOptions, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "fs";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A form control's check box in a notes drawing (legacy VML), with its shape type, as Excel writes one. */
export const VML_CHECKBOX =
  '<v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><o:lock v:ext="edit" shapetype="t"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t201" style="position:absolute;margin-left:300pt;margin-top:10pt;width:80pt;height:20pt;z-index:1" filled="f" stroked="f">' +
  '<v:textbox><div style="text-align:left">已核实</div></v:textbox>' +
  '<x:ClientData ObjectType="Checkbox"><x:Anchor>10, 0, 1, 0, 11, 0, 2, 0</x:Anchor><x:Checked>1</x:Checked></x:ClientData></v:shape>';

export type Cell = string | number | null | { xml: string };

export interface PackageSheet {
  name: string;
  /** The cells, each as a value (shared or inline text, number) or the whole <c>'s XML. */
  rows?: Cell[][];
  /** The whole <sheetData>…</sheetData> and what follows it, instead of rows. */
  sheetXml?: string;
  merges?: string[];
  state?: "hidden" | "veryHidden";
  /** <cols>' <col> entries, 1-based, each with its attributes as written (hidden="1", width…). */
  cols?: { min: number; max: number; attributes: string }[];
  /** A chart sheet: no cells. */
  chart?: boolean;
}

export interface PackageOptions {
  sheets: PackageSheet[];
  /** "x:" writes every SpreadsheetML element with that prefix. */
  prefix?: string;
  strict?: boolean;
  /** Leave out the r attribute of rows and cells. */
  noAddresses?: boolean;
  /** Text as inline strings rather than shared ones. */
  inlineStrings?: boolean;
  /** Relationship targets written absolute ("/xl/worksheets/sheet1.xml"), as openpyxl does. */
  absoluteTargets?: boolean;
  date1904?: boolean;
  /** <xf> entries of cellXfs after the default one, and custom number formats. */
  cellXfs?: string[];
  numFmts?: string[];
  /** Parts to add as they are, and relationships from the workbook part to add. */
  extraParts?: Record<string, string>;
  workbookRels?: { type: string; target: string }[];
  /** Leave a part out of the zip (its relationship stays): a damaged package. */
  omit?: string[];
}

function columnLetter(col: number): string {
  return String.fromCharCode(65 + col);
}

const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The package's files (part name → text), before zipping: tests may edit one. */
export function packageParts(options: PackageOptions): Record<string, string> {
  const p = options.prefix ?? "";
  const main = options.strict ? STRICT_MAIN_NS : MAIN_NS;
  const relNs = options.strict ? STRICT_REL_NS : REL_NS;
  const xmlns = p ? `xmlns:${p.slice(0, -1)}="${main}"` : `xmlns="${main}"`;
  const target = (path: string) => (options.absoluteTargets ? `/xl/${path}` : path);
  const strings: string[] = [];
  const parts: Record<string, string> = {};
  const workbookRels: string[] = [];
  const overrides: string[] = [];
  const sheetEntries: string[] = [];

  options.sheets.forEach((sheet, i) => {
    const id = `rId${i + 1}`;
    const state = sheet.state ? ` state="${sheet.state}"` : "";
    sheetEntries.push(`<${p}sheet name="${escape(sheet.name)}" sheetId="${i + 1}"${state} r:id="${id}"/>`);
    if (sheet.chart) {
      workbookRels.push(`<Relationship Id="${id}" Type="${relNs}/chartsheet" Target="${target(`chartsheets/sheet${i + 1}.xml`)}"/>`);
      parts[`xl/chartsheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><${p}chartsheet ${xmlns}><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews></${p}chartsheet>`;
      overrides.push(`<Override PartName="/xl/chartsheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
      return;
    }
    workbookRels.push(`<Relationship Id="${id}" Type="${relNs}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`);
    const rows = (sheet.rows ?? []).map((cells, r) => {
      const content = cells
        .map((cell, c) => {
          const ref = options.noAddresses ? "" : ` r="${columnLetter(c)}${r + 1}"`;
          if (cell === null) return options.noAddresses ? `<${p}c/>` : "";
          if (typeof cell === "object") return cell.xml.replace("<c", `<${p}c${ref}`);
          if (typeof cell === "number") return `<${p}c${ref}><${p}v>${cell}</${p}v></${p}c>`;
          if (options.inlineStrings) return `<${p}c${ref} t="inlineStr"><${p}is><${p}t>${escape(cell)}</${p}t></${p}is></${p}c>`;
          strings.push(cell);
          return `<${p}c${ref} t="s"><${p}v>${strings.length - 1}</${p}v></${p}c>`;
        })
        .join("");
      return `<${p}row${options.noAddresses ? "" : ` r="${r + 1}"`}>${content}</${p}row>`;
    });
    const merges = sheet.merges?.length ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join("")}</${p}mergeCells>` : "";
    const cols = sheet.cols?.length ? `<${p}cols>${sheet.cols.map((c) => `<${p}col min="${c.min}" max="${c.max}" ${c.attributes}/>`).join("")}</${p}cols>` : "";
    const body = sheet.sheetXml ?? `${cols}<${p}sheetData>${rows.join("")}</${p}sheetData>${merges}`;
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${xmlns} xmlns:r="${relNs}">${body}</${p}worksheet>`;
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });

  const n = options.sheets.length;
  workbookRels.push(`<Relationship Id="rId${n + 1}" Type="${relNs}/styles" Target="${target("styles.xml")}"/>`);
  if (strings.length > 0) workbookRels.push(`<Relationship Id="rId${n + 2}" Type="${relNs}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`);
  (options.workbookRels ?? []).forEach((rel, i) => workbookRels.push(`<Relationship Id="rId${n + 10 + i}" Type="${rel.type}" Target="${rel.target}"/>`));

  parts["[Content_Types].xml"] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (strings.length > 0 ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
    overrides.join("") +
    "</Types>";
  parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="${options.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="${relNs}">` +
    (options.date1904 ? `<${p}workbookPr date1904="1"/>` : "") +
    `<${p}sheets>${sheetEntries.join("")}</${p}sheets></${p}workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS_NS}">${workbookRels.join("")}</Relationships>`;
  const numFmts = options.numFmts?.length ? `<${p}numFmts count="${options.numFmts.length}">${options.numFmts.join("")}</${p}numFmts>` : "";
  const xfs = [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, ...(options.cellXfs ?? [])];
  parts["xl/styles.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><${p}styleSheet ${xmlns}>${numFmts}` +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="${xfs.length}">${xfs.join("")}</${p}cellXfs></${p}styleSheet>`;
  if (strings.length > 0) {
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${xmlns} count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<${p}si><${p}t xml:space="preserve">${escape(s)}</${p}t></${p}si>`).join("") +
      `</${p}sst>`;
  }
  Object.assign(parts, options.extraParts);
  for (const omitted of options.omit ?? []) delete parts[omitted];
  return parts;
}

/** `options` apply to every entry: `level: 0` stores them, `extra` gives each those extra fields. */
export function zipParts(parts: Record<string, string | Uint8Array>, options?: ZipOptions): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, typeof text === "string" ? strToU8(text) : text])),
    options,
  );
}

export function buildPackage(options: PackageOptions): Uint8Array {
  return zipParts(packageParts(options));
}

/** An .xlsx file's parts as text (part name → text), to look into a copy. */
export const partsOfFile = (file: string): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([name, bytes]) => [name, strFromU8(bytes)]));
