// Workbooks for `npm run bench`: indicator rows as real self-evaluations hold them, and one sheet
// of many such rows written straight as a package (ExcelJS would take minutes to write 100,000
// rows with their merged 一级 labels).
const { strToU8, zipSync } = require("fflate");

/** One indicator row of a plausible self-evaluation: mostly consistent, a defect every 20th row. */
function indicatorRow(r) {
  const n = 10 + (r % 50);
  const kinds = [
    ["产出指标", "数量指标", `培训场次${r}`, `≥${n}场`, `${n + (r % 3)}场`, 5, 5, ""],
    ["产出指标", "质量指标", `验收合格率${r}`, `≥${90 + (r % 10)}%`, `${91 + (r % 9)}%`, 5, 5, ""],
    ["产出指标", "成本指标", `项目成本${r}`, `≤${100 + (r % 40)}万元`, `${95 + (r % 40)}.5万元`, 3, 3, ""],
    ["效益指标", "社会效益", `服务质量${r}`, "按期完成", "按期完成", 5, 5, ""],
    ["满意度指标", "服务对象满意度", `满意度${r}`, "≥90%", `${90 + (r % 10)}%`, 10, 10, ""],
  ];
  const row = kinds[r % kinds.length];
  if (r % 20 === 7) row[6] = null; // a blank score to fill in
  if (r % 20 === 13) row[6] = row[5] - 1; // a recorded score that disagrees
  return row;
}

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * One sheet: a title merged across, the header, `rows` indicators in groups of five whose 一级
 * label is merged down (as Excel writes them: every cell of a merged area present, styled), as
 * shared strings, like an .xlsx saved by Excel.
 */
function rowsWorkbook(rows) {
  const strings = new Map();
  const sst = (text) => {
    let i = strings.get(text);
    if (i === undefined) strings.set(text, (i = strings.size));
    return i;
  };
  const letters = "ABCDEFGH";
  const cell = (ref, value) => {
    if (value === null || value === "") return `<c r="${ref}" s="1"/>`;
    if (typeof value === "number") return `<c r="${ref}" s="1"><v>${value}</v></c>`;
    return `<c r="${ref}" s="1" t="s"><v>${sst(value)}</v></c>`;
  };
  const xml = [`<row r="1">${cell("A1", "2023年度项目支出绩效自评表")}${[..."BCDEFGH"].map((l) => cell(`${l}1`, null)).join("")}</row>`];
  xml.push(`<row r="2">${HEADER.map((h, c) => cell(`${letters[c]}2`, h)).join("")}</row>`);
  const merges = ["A1:H1"];
  for (let r = 0; r < rows; r++) {
    const at = r + 3;
    const values = indicatorRow(r);
    if (r % 5 !== 0) values[0] = null; // the 一级 label sits in the merged area's top cell
    else if (r + 4 < rows) merges.push(`A${at}:A${at + 4}`);
    xml.push(`<row r="${at}">${values.map((v, c) => cell(`${letters[c]}${at}`, v)).join("")}</row>`);
  }
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:H${rows + 2}"/>` +
    `<sheetData>${xml.join("")}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`;
  const parts = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="绩效目标自评表" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml":
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": sheet,
    "xl/sharedStrings.xml": shared,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
}

module.exports = { indicatorRow, rowsWorkbook, HEADER };
