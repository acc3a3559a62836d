/**
 * Hidden columns read from the file (<cols><col min max hidden>) and what the core does with them
 * (review round 55a, H1), on the review's own forms (test/fixtures/hidden-columns, from
 * /work/probe55a): a hidden column headed like the visible one left of it was read instead of it,
 * and last year's whole form in hidden columns beside this year's was scored and written into.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { parseCellAddress } from "../../src/core/grid";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { comparable, exceljsGrid } from "../support/exceljs-grid";
import { Cell, buildPackage } from "../support/package";
import { FIXTURES } from "../support/xlsx";

const DIR = path.join(FIXTURES, "hidden-columns");
const file = (name: string) => path.join(DIR, `${name}.xlsx`);

const ROWS: Cell[][] = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]];

describe("the reader's hidden columns", () => {
  it("reads <col hidden> as runs of 0-based columns, joined where they touch, and leaves shown ones out", () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: "自评表",
          rows: ROWS,
          cols: [
            { min: 1, max: 3, attributes: 'width="12" customWidth="1"' },
            { min: 5, max: 5, attributes: 'width="9" hidden="1" customWidth="1"' },
            { min: 6, max: 7, attributes: 'hidden="true"' },
            { min: 9, max: 9, attributes: 'hidden="0"' },
            { min: 20, max: 16384, attributes: 'hidden="1"' },
          ],
        },
        { name: "Sheet2", rows: ROWS },
      ],
    });
    const [first, second] = readXlsxBytes(bytes, "cols.xlsx").grid.sheets;
    expect(first.hiddenColumns).toEqual([
      { first: 4, last: 6 },
      { first: 19, last: 16383 },
    ]);
    expect(second.hiddenColumns).toBeUndefined();
  });

  it.each([
    ["an x: prefix", { prefix: "x:" }],
    ["Strict Open XML", { strict: true }],
  ])("reads them under %s", (_, options) => {
    const bytes = buildPackage({ ...options, sheets: [{ name: "自评表", rows: ROWS, cols: [{ min: 5, max: 5, attributes: 'hidden="1"' }] }] });
    expect(readXlsxBytes(bytes, "cols.xlsx").grid.sheets[0].hiddenColumns).toEqual([{ first: 4, last: 4 }]);
  });

  it("gives the grid ExcelJS gives", async () => {
    const bytes = buildPackage({ sheets: [{ name: "自评表", rows: ROWS, cols: [{ min: 2, max: 3, attributes: 'hidden="1"' }, { min: 5, max: 5, attributes: 'hidden="1"' }] }] });
    expect(comparable(readXlsxBytes(bytes, "cols.xlsx").grid)).toEqual(comparable(await exceljsGrid(bytes)));
  });
});

/**
 * Review round 55a's forms: the total a correct reading gives (graded 优), the hidden columns, and
 * the cells filled in there: the budget's 执行率 of a 其中 line where the column hidden over the
 * indicators (last year's 实际完成值) is the budget block's only 执行率 column, read as the form's.
 */
const FORMS: [string, string, string, string[]][] = [
  // The hidden duplicate left of the visible column: read wrongly before.
  ["c15_hidden_dup_score_subsidy", "99.91", "G", []],
  ["c16_hidden_dup_actual_train", "98", "E", []],
  ["c24_hidden_old_spent_build", "98.77", "D", []],
  ["c40_hidden_lastyear_form_beside_it", "98.8", "I:Q", []],
  // Controls, read rightly before: the hidden duplicate right of the visible one, 上年实际完成值, 原得分.
  ["c15b_hidden_dup_score_right_subsidy", "99.91", "H", []],
  ["c16b_hidden_dup_actual_right_train", "98", "F", ["F6"]],
  ["a18_hidden_lastyear_it", "98.8", "F", ["F6"]],
  ["a19_hidden_oldscore_research", "95.87", "G", []],
];

describe("review round 55a's forms with hidden columns", () => {
  it.each(FORMS)("%s: the total and grade are the visible form's, and nothing is found or marked, nor written in a hidden column but the budget's own", (name, total, hidden, filled) => {
    const { grid } = readXlsxBytes(readFileSync(file(name)), name);
    const [from, to = from] = hidden.split(":").map((l) => parseCellAddress(`${l}1`)!.col);
    expect(grid.sheets[0].hiddenColumns).toEqual([{ first: from, last: to }]);
    const analysis = analyze(grid);
    expect(analysis.totals.map((t) => [t.score, t.grade])).toEqual([[total, "优"]]);
    expect(analysis.findings).toEqual([]);
    const inHidden = (cell: string) => {
      const col = parseCellAddress(cell)!.col;
      return col >= from && col <= to;
    };
    expect(analysis.writes.filter((w) => inHidden(w.cell)).map((w) => w.cell)).toEqual(filled);
    expect(analysis.marks.filter((m) => inHidden(m.cell))).toEqual([]);
    expect(analysis.tables.map((t) => t.kind)).toEqual(["budget", "indicators"]);
  });

  it("c24: the budget line is read from the visible 全年执行数", () => {
    const analysis = analyze(readXlsxBytes(readFileSync(file("c24_hidden_old_spent_build")), "c24").grid);
    expect(analysis.budget.filter((b) => b.weight !== null).map((b) => [b.spent, b.rate, b.score])).toEqual([["2380", "0.952", "9.52"]]);
  });

  it("c40: last year's form in hidden columns is named as hidden sheets are, and not scored", () => {
    const analysis = analyze(readXlsxBytes(readFileSync(file("c40_hidden_lastyear_form_beside_it")), "c40").grid);
    expect(analysis.hiddenSheets).toEqual(["自评表!I:Q"]);
    expect(analysis.totals).toHaveLength(1);
  });

  it.each(FORMS.map(([name]) => name))("%s is read into the grid ExcelJS gives", async (name) => {
    const bytes = readFileSync(file(name));
    expect(comparable(readXlsxBytes(bytes, name).grid)).toEqual(comparable(await exceljsGrid(bytes)));
  });
});
