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
import { readXlsxBytes } from "../../src/xlsx/reader";
import { columnFormats, formatAt, rowIndexes, sheetLayout } from "../../src/xlsx/sheet-part";
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

  it("holds the format of each cell written, and the format each row gives the cells it does not write", () => {
    const [name, bytes] = packages.at(-1)!;
    const { source } = readXlsxBytes(bytes, name);
    const layout = source.sheetLayout("xl/worksheets/sheet1.xml")!;
    const columns = columnFormats(source.text("xl/worksheets/sheet1.xml")!, layout);
    const rowAt = rowIndexes(layout);
    const at = (ref: string) => formatAt(layout, columns, rowAt.get(parseCellAddress(ref)!.row), parseCellAddress(ref)!.col);
    // Written cells their own (C1 written without s: 0), row 1's other cells its format, row 3 too
    // ("true"); row 4 sets no customFormat: its cells not written take their column's.
    expect(["A1", "B1", "C1", "D1", "A3", "B4", "C4", "D4"].map(at)).toEqual([1, 2, 0, 2, 1, 1, 0, 0]);
  });
});
