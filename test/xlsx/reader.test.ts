/**
 * The reader against its oracle: every fixture and every generated workbook of the property tests
 * read by src/xlsx/reader.ts and by ExcelJS must give the same grid, and the reports and scored
 * copies built from either grid must agree.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { parseCellAddress } from "../../src/core/grid";
import { buildReport } from "../../src/core/report";
import { Package } from "../../src/xlsx/package";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { WrittenCells, patchSheet, sheetLayout } from "../../src/xlsx/sheet-part";
import { scoredCopy } from "../../src/xlsx/write";
import { arbitraryWorkbook } from "../support/arbitrary";
import { comparable, exceljsGrid } from "../support/exceljs-grid";
import { buildPackage } from "../support/package";
import { FIXTURES, tempDir, writeGridXlsx } from "../support/xlsx";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

const workbooks = [
  ...readdirSync(FIXTURES).filter((n) => n.endsWith(".xlsx")).map((n) => path.join(FIXTURES, n)),
  ...readdirSync(SAMPLES).filter((n) => n.endsWith(".xlsx")).map((n) => path.join(SAMPLES, n)),
];

describe("the reader against ExcelJS", () => {
  it.each(workbooks)("reads %s into the grid ExcelJS gives", async (file) => {
    const bytes = readFileSync(file);
    expect(comparable(readXlsxBytes(bytes, file).grid)).toEqual(comparable(await exceljsGrid(bytes)));
  });

  it.each(workbooks)("gives %s the same report and the same scored copy as ExcelJS's grid did", async (file) => {
    const bytes = readFileSync(file);
    const ours = readXlsxBytes(bytes, file);
    const oracle = { ...(await exceljsGrid(bytes)), otherSheetNames: ours.grid.otherSheetNames };
    const ourAnalysis = analyze(ours.grid);
    const oracleAnalysis = analyze(oracle);
    expect(JSON.parse(JSON.stringify(buildReport(file, ours.grid, ourAnalysis)))).toEqual(JSON.parse(JSON.stringify(buildReport(file, oracle, oracleAnalysis))));
    const ourCopy = scoredCopy(ours.source, ours.grid, ourAnalysis);
    const oracleCopy = scoredCopy(readXlsxBytes(bytes, file).source, oracle, oracleAnalysis);
    expect(comparable(await exceljsGrid(ourCopy))).toEqual(comparable(await exceljsGrid(oracleCopy)));
  });

  it("reads every generated workbook of the property tests as ExcelJS does", async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryWorkbook, async (grid) => {
        const file = path.join(dir, `w${n++}.xlsx`);
        await writeGridXlsx(grid, file);
        const bytes = readFileSync(file);
        expect(comparable(readXlsxBytes(bytes, file).grid)).toEqual(comparable(await exceljsGrid(bytes)));
      }),
      { numRuns: 40 },
    );
  });
});

describe("where the reader found each sheet's rows, for the writer", () => {
  const packages: [string, Uint8Array][] = [
    ...workbooks.map((file): [string, Uint8Array] => [file, readFileSync(file)]),
    ["x: prefixed, no r", buildPackage({ sheets: [{ name: "表", rows: [["a", 1], [null, 2]], merges: ["A1:A2"] }], prefix: "x:", noAddresses: true })],
    [
      "formats of cells, rows (customFormat, LibreOffice's \"true\") and cells without r",
      buildPackage({
        sheets: [
          {
            name: "表",
            sheetXml:
              '<cols><col min="2" max="3" style="1"/></cols><sheetData>' +
              '<row r="1" s="2" customFormat="1"><c r="A1" s="1"><v>1</v></c><c s="2"/><c/></row>' +
              '<row r="3" s="1" customFormat="true"/><row s="1"><c r="C4"><v>2</v></c></row></sheetData>',
          },
        ],
        cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="10"/>', '<xf numFmtId="9"/>'],
      }),
    ],
  ];

  it.each(packages)("is what a tokenizer pass of the writer's own finds: %s", (name, bytes) => {
    const { source } = readXlsxBytes(bytes, name);
    const sheets = source.partNames().filter((part) => source.sheetLayout(part) !== undefined);
    expect(sheets.length).toBeGreaterThan(0);
    for (const part of sheets) expect([part, source.sheetLayout(part)]).toEqual([part, sheetLayout(source.text(part)!)]);
  });

  it("of a sheet the reader did not read is worked out from its text once (layoutOf), and the reader's is used as it is", () => {
    const [, bytes] = packages[0];
    const unread = Package.open(bytes);
    const part = readXlsxBytes(bytes, "x").source.partNames().find((name) => /worksheets\/sheet\d+\.xml$/.test(name))!;
    expect(unread.sheetLayout(part)).toBeUndefined();
    const worked = unread.layoutOf(part);
    expect(worked).toEqual(sheetLayout(unread.text(part)!));
    expect(unread.layoutOf(part)).toBe(worked);
    const { source } = readXlsxBytes(bytes, "x");
    expect(source.layoutOf(part)).toBe(source.sheetLayout(part));
  });

  it("counts rows and cells as the grid does: a cell's r names its row, a <c> inside a row's extension is no cell", () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: "表",
          sheetXml:
            '<sheetData><row><c r="A3"><v>1</v></c><c><v>2</v></c></row>' +
            '<row r="5"><c r="A5"><v>3</v></c><extLst><ext uri="x"><c r="Z9"><v>9</v></c></ext></extLst></row></sheetData>',
        },
      ],
    });
    const { source, grid } = readXlsxBytes(bytes, "counting.xlsx");
    const layout = source.sheetLayout("xl/worksheets/sheet1.xml")!;
    expect(layout).toEqual(sheetLayout(source.text("xl/worksheets/sheet1.xml")!));
    expect(layout.rows).toEqual([2, 4]);
    // Row and column of each cell: A3, B3 (no r: after A3; an r that names no cell is refused, review round 52a), A5; Z9 is not one.
    const cells = Array.from(layout.cells);
    expect([0, 5, 10].map((at) => cells.slice(at, at + 2))).toEqual([[2, 0], [2, 1], [4, 0]]);
    expect(cells).toHaveLength(15);
    expect(grid.sheets[0].values).toEqual([[], [], [1, 2], [], [3]]);
    // Written through this layout, B5 goes into row 5 after A5 (before the row's extLst) and A2 before row 3.
    const written = patchSheet(source.text("xl/worksheets/sheet1.xml")!, new Map([[4, new Map([[1, { value: "7", restyle: (f: number) => f }]])], [1, new Map([[0, { value: "8", restyle: (f: number) => f }]])]]), layout);
    expect(written).toContain('<c r="A5"><v>3</v></c><c r="B5" s="0"><v>7</v></c><extLst>');
    const again = readXlsxBytes(buildPackage({ sheets: [{ name: "表", sheetXml: written.slice(written.indexOf("<sheetData"), written.indexOf("</sheetData>") + 12) }] }), "again.xlsx");
    expect(again.grid.sheets[0].values).toEqual([[], [8], [1, 2], [], [3, 7]]);
  });

  it("holds the format of each cell written, and the format each row gives the cells it does not write", () => {
    const [name, bytes] = packages.at(-1)!;
    const { source } = readXlsxBytes(bytes, name);
    const layout = source.sheetLayout("xl/worksheets/sheet1.xml")!;
    const written = new WrittenCells(layout, new Set([0, 2, 3]));
    const at = (ref: string) => written.formatAt(parseCellAddress(ref)!.row, parseCellAddress(ref)!.col);
    // Written cells their own (C1 written without s: 0), row 1's other cells its format, row 3 too
    // ("true"); row 4 sets no customFormat: its cells not written take their column's.
    expect(["A1", "B1", "C1", "D1", "A3", "B4", "C4", "D4"].map(at)).toEqual([1, 2, 0, 2, 1, 1, 0, 0]);
  });
});

describe("a two-row budget header whose top row holds the year as a number (review round 25)", () => {
  it("is read: 2023 merged over 年初预算数 | 全年预算数 | 全年执行数, with 分值, 执行率 and 得分 beside (test/fixtures/year-over-budget-header.xlsx)", () => {
    const { grid } = readXlsxBytes(readFileSync(path.join(__dirname, "..", "fixtures", "year-over-budget-header.xlsx")), "year-over-budget-header.xlsx");
    const a = analyze(grid);
    expect(a.totals.map((t) => [t.score, t.recordedScore, t.grade])).toEqual([["96.5", "96.5", "优"]]);
    expect(a.budget.map((b) => [b.planned, b.spent, b.weight, b.recordedRate, b.recordedScore])).toEqual([["120", "108", "10", "0.9", "9"]]);
    expect(a.findings.filter((f) => f.severity !== "warning" || f.rule === "total-incomplete").map((f) => f.rule)).toEqual([]);
  });
});
