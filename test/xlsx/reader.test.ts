/**
 * The reader against its oracle: every fixture and every generated workbook of the property tests
 * read by src/xlsx/reader.ts and by ExcelJS must give the same grid, and the reports and scored
 * copies built from either grid must agree.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { buildReport } from "../../src/core/report";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { sheetLayout } from "../../src/xlsx/sheet-part";
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
    const ourCopy = await scoredCopy(ours.source, ours.grid, ourAnalysis);
    const oracleCopy = await scoredCopy(readXlsxBytes(bytes, file).source, oracle, oracleAnalysis);
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
  ];

  it.each(packages)("is what a tokenizer pass of the writer's own finds: %s", (name, bytes) => {
    const { source } = readXlsxBytes(bytes, name);
    const sheets = source.partNames().filter((part) => source.sheetLayout(part) !== undefined);
    expect(sheets.length).toBeGreaterThan(0);
    for (const part of sheets) expect([part, source.sheetLayout(part)]).toEqual([part, sheetLayout(source.text(part)!)]);
  });
});
