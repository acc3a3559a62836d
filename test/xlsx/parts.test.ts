import { ContentTypes, RelationshipsPart } from "../../src/xlsx/package";
import { CellEdit, SheetEdits, patchSheet } from "../../src/xlsx/sheet-part";
import { StyleSheetEditor } from "../../src/xlsx/styles-part";
import { elements, scanXml } from "../../src/xlsx/xml";

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const sheet = (data: string, before = "") => `${HEAD}${before}<sheetData>${data}</sheetData><pageMargins left="0.7"/></worksheet>`;

/** Edits from "row:col" (0-based) keys; each restyle maps a format n to 100 + n so the test sees which it got. */
function edits(cells: Record<string, Omit<CellEdit, "restyle">>): SheetEdits {
  const result: SheetEdits = new Map();
  for (const [key, edit] of Object.entries(cells)) {
    const [row, col] = key.split(":").map(Number);
    if (!result.has(row)) result.set(row, new Map());
    result.get(row)!.set(col, { ...edit, restyle: (format) => 100 + format });
  }
  return result;
}

describe("patchSheet", () => {
  it("fills a blank cell with a number and its derived format, leaving every other byte alone", () => {
    const row1 = '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row>';
    const xml = sheet(`${row1}<row r="2" spans="1:3"><c r="A2" s="4"><v>5</v></c><c r="B2" s="3"/></row>`);
    const out = patchSheet(xml, edits({ "1:1": { value: "0.9823" } }));
    expect(out).toBe(sheet(`${row1}<row r="2" spans="1:3"><c r="A2" s="4"><v>5</v></c><c r="B2" s="103"><v>0.9823</v></c></row>`));
  });

  it("drops a row's spans hint once a cell is added to it, before its cells or after them", () => {
    const xml = sheet('<row r="1" spans="2:2" x14ac:dyDescent="0.25"><c r="B1"><v>1</v></c></row><row r="2" spans="1:1"><c r="A2"><v>2</v></c></row><row r="3" spans="1:1"/>');
    const out = patchSheet(xml, edits({ "0:0": {}, "1:3": { value: "4" }, "2:0": {} }));
    expect(out).toBe(
      sheet(
        '<row r="1" x14ac:dyDescent="0.25"><c r="A1" s="100"/><c r="B1"><v>1</v></c></row>' +
          '<row r="2"><c r="A2"><v>2</v></c><c r="D2" s="100"><v>4</v></c></row>' +
          '<row r="3"><c r="A3" s="100"/></row>',
      ),
    );
  });

  it("replaces a blank text cell's type and value when writing a number", () => {
    const out = patchSheet(sheet('<row r="1"><c r="A1" s="2" t="s"><v>7</v></c></row>'), edits({ "0:0": { value: "3" } }));
    expect(out).toContain('<c r="A1" s="102"><v>3</v></c>');
    expect(out).not.toContain('t="s"');
  });

  it("changes only the format of a marked cell, formula and cached value kept", () => {
    const cell = '<c r="C1" s="6"><f>A1/B1</f><v>0.5</v></c>';
    const out = patchSheet(sheet(`<row r="1">${cell}</row>`), edits({ "0:2": {} }));
    expect(out).toContain('<c r="C1" s="106"><f>A1/B1</f><v>0.5</v></c>');
  });

  it("inserts missing cells in column order and missing rows in row order", () => {
    const xml = sheet('<row r="3"><c r="B3"><v>1</v></c><c r="D3"><v>2</v></c></row><row r="5"><c r="A5"><v>3</v></c></row>');
    const out = patchSheet(xml, edits({ "0:0": {}, "2:0": {}, "2:2": { value: "9" }, "2:5": {}, "3:1": {}, "8:0": { value: "1" } }));
    expect(out).toBe(
      sheet(
        '<row r="1"><c r="A1" s="100"/></row>' +
          '<row r="3"><c r="A3" s="100"/><c r="B3"><v>1</v></c><c r="C3" s="100"><v>9</v></c><c r="D3"><v>2</v></c><c r="F3" s="100"/></row>' +
          '<row r="4"><c r="B4" s="100"/></row>' +
          '<row r="5"><c r="A5"><v>3</v></c></row>' +
          '<row r="9"><c r="A9" s="100"><v>1</v></c></row>',
      ),
    );
  });

  it("gives a cell not yet written its row's format, else its column's", () => {
    const cols = '<cols><col min="2" max="4" width="9" style="7" customWidth="1"/></cols>';
    const xml = sheet('<row r="1" s="5" customFormat="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>', cols);
    const out = patchSheet(xml, edits({ "0:2": {}, "1:2": {}, "1:5": {} }));
    expect(out).toContain('<c r="C1" s="105"/>');
    expect(out).toContain('<c r="C2" s="107"/>');
    expect(out).toContain('<c r="F2" s="100"/>');
  });

  it("takes the row's format when its customFormat is written as \"true\" (LibreOffice)", () => {
    const xml = sheet('<row r="1" s="5" customFormat="true"><c r="A1"><v>1</v></c></row>');
    expect(patchSheet(xml, edits({ "0:2": {} }))).toContain('<c r="C1" s="105"/>');
  });

  it("counts rows and cells written without an r attribute by their place", () => {
    const xml = sheet("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>");
    const out = patchSheet(xml, edits({ "1:0": { value: "8" }, "1:1": {} }));
    expect(out).toBe(sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="A2" s="100"><v>8</v></c><c r="B2" s="100"/></row>'));
  });

  it("writes into a sheet whose elements carry a namespace prefix", () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const out = patchSheet(xml, edits({ "0:1": { value: "2" } }));
    expect(out).toContain('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="100"><x:v>2</x:v></x:c></x:row>');
  });

  it("writes into an empty sheet (a self-closing sheetData)", () => {
    const out = patchSheet(`${HEAD}<sheetData/><pageMargins left="0.7"/></worksheet>`, edits({ "1:1": { value: "4" } }));
    expect(out).toBe(sheet('<row r="2"><c r="B2" s="100"><v>4</v></c></row>'));
  });

  it("reads a tag to its end past a quoted \">\" (formatCode=\"[>=100]0\"), in either quote style", () => {
    const xml = '<numFmts><numFmt numFmtId="164" formatCode="[>=100]0;0.0"/><numFmt numFmtId=\'165\' formatCode=\'0"分"\'/></numFmts>';
    const found = elements(xml, "numFmt");
    expect(found.map((e) => xml.slice(e.start, e.end))).toEqual(['<numFmt numFmtId="164" formatCode="[>=100]0;0.0"/>', "<numFmt numFmtId='165' formatCode='0\"分\"'/>"]);
    expect(found.map((e) => e.attributes.formatCode)).toEqual(["[>=100]0;0.0", '0"分"']);
  });

  it("finds elements by their whole name: <c> is not <col> or <cfRule>", () => {
    const xml = '<sheetData><cols><col min="1"/></cols><c r="A1"/><cfRule type="x"/><c r="B1"><v>2</v></c></sheetData>';
    expect(elements(xml, "c").map((e) => xml.slice(e.start, e.end))).toEqual(['<c r="A1"/>', '<c r="B1"><v>2</v></c>']);
  });

  it("sees no element inside CDATA, a comment or an attribute value", () => {
    const xml = '<sheetData><!-- <c r="Z9"/> --><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="Y9"/>]]></t></is></c><c r="B1" x=\'<c r="X9">\'/></sheetData>';
    expect(() => elements(xml, "c")).toThrow(); // "<" is not allowed in an attribute value: not XML
    const valid = xml.replace(` x='<c r="X9">'`, ` x='c r="X9"'`);
    expect(elements(valid, "c").map((e) => e.attributes.r)).toEqual(["A1", "B1"]);
  });
});

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0&quot;分&quot;"/></numFmts>' +
  '<fonts count="1"><font><sz val="12"/><name val="宋体"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';

function cellXfs(xml: string): string[] {
  return [...xml.slice(xml.indexOf("<cellXfs"), xml.indexOf("</cellXfs>")).matchAll(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
}

/** The local names of the stylesheet's lists, in the order written (the part must be XML). */
function topLevel(xml: string): string[] {
  const names: string[] = [];
  scanXml(xml, { open: (element) => element.depth === 1 && names.push(element.local) });
  return names;
}

describe("StyleSheetEditor", () => {
  it("leaves a stylesheet it added nothing to as it was", () => {
    expect(new StyleSheetEditor(STYLES).toXml()).toBe(STYLES);
  });

  it("puts a fill over a format, keeping its number format and alignment, once per pair", () => {
    const styles = new StyleSheetEditor(STYLES);
    const marked = styles.derive(1, { fill: "#FFC7CE" });
    expect(styles.derive(1, { fill: "#FFC7CE" })).toBe(marked);
    expect(marked).toBe(2);
    const xml = styles.toXml();
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>');
    expect(xml).toContain('<cellXfs count="3">');
    expect(cellXfs(xml)[2]).toBe(
      '<xf numFmtId="170" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center" wrapText="1"/></xf>',
    );
  });

  it("derives from a format it added itself: a filled-in cell that is also marked", () => {
    const styles = new StyleSheetEditor(STYLES);
    const both = styles.derive(styles.derive(1, { numFmt: "0.00%" }), { fill: "#FFC7CE" });
    expect(cellXfs(styles.toXml())[both]).toBe(
      '<xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center" wrapText="1"/></xf>',
    );
  });

  it("uses Excel's own ids for built-in number formats and new ids above the workbook's for others", () => {
    const styles = new StyleSheetEditor(STYLES);
    const percent = styles.derive(0, { numFmt: "0.00%" });
    const custom = styles.derive(0, { numFmt: "0.000" });
    const existing = styles.derive(0, { numFmt: '0.0"分"' });
    const xml = styles.toXml();
    expect(cellXfs(xml)[percent]).toContain('numFmtId="10"');
    expect(cellXfs(xml)[custom]).toContain('numFmtId="171"');
    expect(cellXfs(xml)[existing]).toContain('numFmtId="170"');
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0&quot;分&quot;"/><numFmt numFmtId="171" formatCode="0.000"/></numFmts>');
  });

  it("writes a new number format's quotes as the attribute needs them", () => {
    const styles = new StyleSheetEditor(STYLES);
    styles.derive(0, { numFmt: '0.00"元"' });
    expect(styles.toXml()).toContain('<numFmt numFmtId="171" formatCode="0.00&quot;元&quot;"/>');
  });

  it("adds the numFmts list, first of all, to a stylesheet that has none", () => {
    const without = STYLES.replace(/<numFmts.*?<\/numFmts>/, "");
    const styles = new StyleSheetEditor(without);
    styles.derive(0, { numFmt: "0.0%" });
    expect(styles.toXml()).toMatch(/<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"\/><\/numFmts><fonts/);
  });

  it("adds a missing list in front of one whose start tag it rewrites, leaving the XML whole", () => {
    const styles = new StyleSheetEditor(STYLES.replace(/<numFmts.*?<\/numFmts>/, ""));
    styles.derive(0, { numFmt: "0.0" });
    styles.summaryFormat("title", undefined); // adds a font: the fonts start tag gets a new count
    expect(styles.toXml()).toMatch(/<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"\/><\/numFmts><fonts count="2">/);
  });

  it("adds a missing list before what follows the lists (tableStyles, colors, extLst), in the schema's order", () => {
    const tail = '<tableStyles count="0"/><colors><mruColors><color rgb="FF00B050"/></mruColors></colors><extLst><ext uri="{x}"/></extLst>';
    const listless = '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + tail + "</styleSheet>";
    const styles = new StyleSheetEditor(listless);
    styles.derive(0, { fill: "#FFC7CE" });
    const xml = styles.toXml();
    expect(xml.indexOf("</cellXfs>")).toBeGreaterThan(0);
    expect(xml.indexOf("</cellXfs>")).toBeLessThan(xml.indexOf("<tableStyles"));
    expect(xml.endsWith(`${tail}</styleSheet>`)).toBe(true);
  });

  it("adds nothing when run over its own output: the formats it made are found again", () => {
    const first = new StyleSheetEditor(STYLES);
    const marked = first.derive(first.derive(1, { numFmt: "0.00%" }), { fill: "#FFC7CE" });
    first.summaryFormat("header", undefined);
    first.summaryFormat("number", "0.000");
    const once = first.toXml();
    const second = new StyleSheetEditor(once);
    expect(second.derive(marked, { fill: "#FFC7CE" })).toBe(marked);
    second.summaryFormat("header", undefined);
    second.summaryFormat("number", "0.000");
    expect(second.toXml()).toBe(once);
  });

  it("keeps fills 0 and 1 for the two Excel reserves (none, gray125) when the list is shorter", () => {
    const styles = new StyleSheetEditor(STYLES.replace(/<fills.*?<\/fills>/, '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'));
    const marked = styles.derive(0, { fill: "#FFC7CE" });
    const xml = styles.toXml();
    expect(xml).toContain('<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">');
    expect(cellXfs(xml)[marked]).toContain('fillId="2"');
  });

  it("writes summary formats in the workbook's default font, bordered and aligned as the summary style says", () => {
    const styles = new StyleSheetEditor(STYLES);
    const header = styles.summaryFormat("header", undefined);
    const money = styles.summaryFormat("number", "#,##0.00");
    expect(styles.summaryFormat("header", undefined)).toBe(header);
    const xml = styles.toXml();
    expect(xml).toContain('<font><b/><sz val="12"/><name val="宋体"/></font>');
    expect(cellXfs(xml)[header]).toMatch(/fillId="2" borderId="1".*<alignment vertical="top" horizontal="center" wrapText="1"\/>/);
    expect(cellXfs(xml)[money]).toContain('numFmtId="4"');
    expect(xml).toContain('<borders count="2">');
  });

  it("opens a stylesheet with no content (<styleSheet/>) to hold the lists every workbook has, in the schema's order", () => {
    const styles = new StyleSheetEditor('<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
    const marked = styles.derive(styles.derive(0, { numFmt: "0.0%" }), { fill: "#FFC7CE" });
    const xml = styles.toXml();
    expect(topLevel(xml)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    expect(xml).toMatch(/^<\?xml version="1.0"\?>\n<styleSheet xmlns="[^"]+"><numFmts count="1">.*<\/cellXfs><\/styleSheet>$/);
    // Format 0, which every cell without one shows, stays the default; the derived ones come after it.
    expect(cellXfs(xml)[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(marked).toBe(2);
    expect(cellXfs(xml)[marked]).toBe('<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>');
    expect(xml).toContain('<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">');
    expect(xml).toContain('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>');
  });

  it("puts lists that are missing or empty in the schema's order, each before the next list the stylesheet has", () => {
    const without = STYLES.replace(/<fills.*?<\/cellStyleXfs>/, "").replace(/<cellXfs.*?<\/cellXfs>/, '<cellXfs count="0"/>');
    const styles = new StyleSheetEditor(without);
    const header = styles.summaryFormat("header", undefined);
    const xml = styles.toXml();
    expect(topLevel(xml)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]);
    expect(header).toBe(1);
    expect(cellXfs(xml)[header]).toMatch(/fillId="2" borderId="1"/);
    expect(cellXfs(xml)[0]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xml).toContain('<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>');
  });

  it("writes its entries with the prefix of a prefixed stylesheet", () => {
    const prefixed = STYLES.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:").replace("xmlns=", "xmlns:x=");
    const styles = new StyleSheetEditor(prefixed);
    styles.derive(0, { fill: "#FFEB9C" });
    expect(styles.toXml()).toContain('<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFEB9C"/>');
    expect(styles.toXml()).toContain('<x:cellXfs count="3">');
  });
});

describe("patchSheet's note drawing (<legacyDrawing>)", () => {
  const DATA = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const CELL_EDIT = edits({ "0:1": { value: "2" } });

  it("goes before the children the schema puts after it (tableParts, extLst), with the cell edits in the same pass", () => {
    const xml = `${HEAD}<sheetData>${DATA}</sheetData><pageMargins left="0.7"/><tableParts count="0"/><extLst/></worksheet>`;
    expect(patchSheet(xml, CELL_EDIT, undefined, { id: "rId7" })).toBe(
      `${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="100"><v>2</v></c></row></sheetData><pageMargins left="0.7"/>` +
        '<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7"/><tableParts count="0"/><extLst/></worksheet>',
    );
  });

  it("goes last when nothing comes after it, with the sheet's own prefix", () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageMargins left="0.7"/></x:worksheet>';
    expect(patchSheet(xml, new Map(), undefined, { id: "rId1" })).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageMargins left="0.7"/>' +
        '<x:legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>',
    );
  });

  it("replaces one already there, and is removed leaving every other byte", () => {
    const xml = `${HEAD}<sheetData>${DATA}</sheetData><legacyDrawing r:id="rId3" xmlns:r="r"/><extLst/></worksheet>`;
    expect(patchSheet(xml, new Map(), undefined, "remove")).toBe(`${HEAD}<sheetData>${DATA}</sheetData><extLst/></worksheet>`);
    expect(patchSheet(xml, new Map(), undefined, { id: "rId4" })).toContain('</sheetData><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId4"/><extLst/>');
  });

  it("is set on a worksheet without <sheetData> too (no cells to write, but notes to show)", () => {
    const xml = `${HEAD}<pageMargins left="0.7"/></worksheet>`;
    expect(patchSheet(xml, new Map(), undefined, { id: "rId5" })).toBe(
      `${HEAD}<pageMargins left="0.7"/><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId5"/></worksheet>`,
    );
  });

  it("an <extLst> inside another child is not the sheet's own", () => {
    const xml = `${HEAD}<sheetData>${DATA}</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><extLst/></cfRule></conditionalFormatting></worksheet>`;
    expect(patchSheet(xml, new Map(), undefined, { id: "rId2" })).toMatch(/<\/conditionalFormatting><legacyDrawing [^>]+\/><\/worksheet>$/);
  });
});

describe("the content types part", () => {
  it("writes its entries with the prefix of a prefixed part, and replaces a part's entry ignoring case", () => {
    const types = new ContentTypes(
      '<t:Types xmlns:t="http://schemas.openxmlformats.org/package/2006/content-types"><t:Override PartName="/XL/Styles.xml" ContentType="old"/></t:Types>',
    );
    types.set("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    expect(types.toXml()).toBe(
      '<t:Types xmlns:t="http://schemas.openxmlformats.org/package/2006/content-types"><t:Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></t:Types>',
    );
  });

  it("keeps its defaults and other entries as written, drops removed entries, and adds new ones once", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\n' +
      '  <Default Extension="xml" ContentType="application/xml"/>\n' +
      '  <Override PartName="/xl/comments1.xml" ContentType="comments"/>\n' +
      '  <Override PartName="/xl/workbook.xml" ContentType="workbook"/>\n</Types>';
    const types = new ContentTypes(xml);
    types.remove("XL/Comments1.xml");
    types.set("xl/comments2.xml", "comments");
    types.set("xl/comments2.xml", "comments again");
    expect(types.toXml()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\n' +
      '  <Default Extension="xml" ContentType="application/xml"/>\n' +
      '  <Override PartName="/xl/workbook.xml" ContentType="workbook"/>\n' +
      '<Override PartName="/xl/comments2.xml" ContentType="comments again"/></Types>',
    );
  });

  it("opens a self-closing root to add an entry", () => {
    const types = new ContentTypes('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    types.set("xl/styles.xml", "styles");
    expect(types.toXml()).toBe('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/styles.xml" ContentType="styles"/></Types>');
  });
});

describe("a part's relationships", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const rel = (id: string, kind: string, target: string, external = "") => `<Relationship Id="${id}" Type="${TYPE}/${kind}" Target="${target}"${external}/>`;

  it("lists those written (not external ones), adds after them with ids none has, and cuts removed ones out", () => {
    const xml = `<?xml version="1.0"?>\n<Relationships ${NS}>${rel("rId1", "drawing", "../drawings/drawing1.xml")} ${rel("rId3", "hyperlink", "http://x", ' TargetMode="External"')}</Relationships>`;
    const rels = new RelationshipsPart(xml, "xl/worksheets/sheet1.xml");
    expect(rels.list).toEqual([{ id: "rId1", type: `${TYPE}/drawing`, part: "xl/drawings/drawing1.xml" }]);
    expect(rels.toXml()).toBe(xml);
    // Two taken: the first new id is rId3's successor that is free, counting from the number written.
    expect(rels.add("comments", "../comments1.xml")).toBe("rId4");
    expect(rels.add("vmlDrawing", "../drawings/vmlDrawing1.vml")).toBe("rId5");
    rels.remove(new Set(["rId1", "rId4", "rId9"]));
    // An added one that is removed is gone as if never added, and its id is free again.
    expect(rels.add("table", "../tables/table1.xml")).toBe("rId4");
    expect(rels.toXml()).toBe(
      `<?xml version="1.0"?>\n<Relationships ${NS}> ${rel("rId3", "hyperlink", "http://x", ' TargetMode="External"')}${rel("rId5", "vmlDrawing", "../drawings/vmlDrawing1.vml")}${rel("rId4", "table", "../tables/table1.xml")}</Relationships>`,
    );
    // The list stays what was read.
    expect(rels.list.map((r) => r.id)).toEqual(["rId1"]);
  });

  it("finds a relationship by its id, of a kind when asked (an external one names no part)", () => {
    const xml = `<Relationships ${NS}>${rel("rId1", "vmlDrawing", "../drawings/vmlDrawing1.vml")}${rel("rId2", "comments", "../comments1.xml")}${rel("rId3", "hyperlink", "http://x", ' TargetMode="External"')}</Relationships>`;
    const rels = new RelationshipsPart(xml, "xl/worksheets/sheet1.xml");
    expect(rels.byId("rId2")?.part).toBe("xl/comments1.xml");
    expect(rels.byId("rId1", "vmlDrawing")?.part).toBe("xl/drawings/vmlDrawing1.vml");
    expect([rels.byId("rId2", "vmlDrawing"), rels.byId("rId3"), rels.byId("rId9")]).toEqual([undefined, undefined, undefined]);
  });

  it("opens a self-closing root to add, and writes with the part's prefix", () => {
    const rels = new RelationshipsPart(`<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships"/>`, "xl/workbook.xml");
    expect(rels.add("styles", "styles.xml")).toBe("rId1");
    expect(rels.toXml()).toBe(
      `<r:Relationships xmlns:r="http://schemas.openxmlformats.org/package/2006/relationships"><r:Relationship Id="rId1" Type="${TYPE}/styles" Target="styles.xml"/></r:Relationships>`,
    );
  });
});
