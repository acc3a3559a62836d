/**
 * Properties of issue 9 over generated tables: the template's placeholder rows change nothing,
 * removing one actual leaves the total unknown, and binary noise in a formula's cached result never
 * makes a finding.
 */
import fc from "fast-check";
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, parseCellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { indicatorRow } from "../support/arbitrary";
import { BUDGET_HEADER, INDICATOR_HEADER, withFormulas, workbook } from "../support/grid";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);

/** A budget block (rows 1–2), a blank row, the indicator header (row 4), the rows, 总分 and 等次. */
function selfEvaluation(rows: Row[], total: CellValue = null): WorkbookGrid {
  return workbook({
    name: "自评表",
    rows: [
      BUDGET_HEADER,
      ["年度资金总额", 100, 100, 96, 10, null, null],
      [],
      INDICATOR_HEADER,
      ...rows,
      ["总分", null, null, null, null, 100, total, null],
      ["评价等次", null, null, null, null, null, "优", null],
    ],
  });
}
const FIRST_ROW = 4; // 0-based sheet row of the first indicator row

const placeholderLabel = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `指标${n}：`),
  fc.constantFrom("……", "…", "指标１:", "指标 3："),
);

describe("placeholder rows inserted anywhere in a table", () => {
  it("change no score, no total, no write and no finding", () => {
    fc.assert(
      fc.property(
        fc.array(indicatorRow, { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), placeholderLabel), { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (rows, inserts, total) => {
          const before = run(selfEvaluation(rows, total));
          const placed: Row[] = [...rows];
          for (const [at, label] of inserts) placed.splice(at % (placed.length + 1), 0, [null, null, label, null, null, null, null, null]);
          const after = run(selfEvaluation(placed, total));

          // Where each sheet row of `after` was in `before` ("placeholder" for an inserted row).
          const shift = placed.length - rows.length;
          const oldRow = (row: number): number | string => {
            if (row < FIRST_ROW) return row;
            if (row >= FIRST_ROW + placed.length) return row - shift;
            const original = rows.indexOf(placed[row - FIRST_ROW]);
            return original < 0 ? "placeholder" : FIRST_ROW + original;
          };
          const oldCell = (cell: string) => {
            const { row, col } = parseCellAddress(cell)!;
            return `${col},${oldRow(row)}`;
          };
          const same = (cell: string) => {
            const { row, col } = parseCellAddress(cell)!;
            return `${col},${row}`;
          };
          const key = (a: Analysis, map: (cell: string) => string) => a.findings.map((f) => `${f.rule}@${map(f.cell)}`);
          expect(key(after, oldCell)).toEqual(key(before, same));
          // A table's range moves with the inserted rows, and so does the label of one without a 项目名称.
          const unlabelled = (a: Analysis) => a.totals.map(({ label: _label, table: _table, ...total }) => total);
          expect(unlabelled(after)).toEqual(unlabelled(before));
          expect(after.indicators.map((i) => [i.name, i.score, i.weight])).toEqual(before.indicators.map((i) => [i.name, i.score, i.weight]));
          expect(after.writes.map((w) => `${oldCell(w.cell)}=${w.value}`)).toEqual(before.writes.map((w) => `${same(w.cell)}=${w.value}`));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A table every row of which can be scored: numeric targets and actuals, weights, blank scores. */
const scorableRow = fc
  .tuple(
    fc.constantFrom("产出指标", "效益指标", "满意度指标"),
    fc.constantFrom("培训场次", "受益人数", "维修里程", "发放册数"),
    fc.integer({ min: 1, max: 500 }),
    fc.integer({ min: 0, max: 800 }),
    fc.integer({ min: 1, max: 30 }),
  )
  .map(([level1, name, target, actual, weight]): Row => [level1, "数量指标", name, `≥${target}`, actual, weight, null, "已说明"]);

describe("removing one actual", () => {
  it("makes the table's total unknown and raises total-incomplete", () => {
    fc.assert(
      fc.property(fc.array(scorableRow, { minLength: 1, maxLength: 10 }), fc.nat(), (rows, pick) => {
        const complete = run(selfEvaluation(rows));
        expect(complete.totals[0].score).not.toBeNull();
        expect(complete.findings.map((f) => f.rule)).not.toContain("total-incomplete");

        const i = pick % rows.length;
        const gap = rows.map((r, j) => (j === i ? [...r.slice(0, 4), null, ...r.slice(5)] : r));
        const a = run(selfEvaluation(gap));
        expect(a.totals[0]).toMatchObject({ score: null, grade: null });
        expect(a.findings.filter((f) => f.rule === "total-incomplete").map((f) => f.cell)).toEqual(["G4"]);
        expect(a.findings.find((f) => f.rule === "total-incomplete")!.message).toContain("1 项缺实际完成值");
      }),
      { numRuns: 300 },
    );
  });
});

describe("a formula's cached result with binary noise", () => {

  it("never yields a finding: 执行率 =D2/C2, 得分 =E2*MIN(F2,1), indicators' =F5*E5/D5 and =F6*0.1*10, as doubles", () => {
    const cents = fc.integer({ min: 1, max: 100_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        cents,
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(undefined, "General", "0.00%", "0.0%", "0%"),
        fc.constantFrom(undefined, "General", "0.00", "0.0"),
        (planned, share, target, actual, weight, rateFormat, scoreFormat) => {
          const spent = Math.round(planned * share * 100) / 100;
          // What Excel caches: the double arithmetic of each formula.
          const rate = spent / planned;
          const budgetScore = 10 * Math.min(rate, 1);
          const score = actual >= target ? weight : (weight * actual) / target;
          const numFmts: Record<string, string> = {};
          if (rateFormat) numFmts.F2 = rateFormat;
          if (scoreFormat) Object.assign(numFmts, { G2: scoreFormat, G5: scoreFormat, G6: scoreFormat });
          const grid = workbook({
            name: "自评表",
            rows: [
              BUDGET_HEADER,
              ["年度资金总额", planned, planned, spent, 10, rate, budgetScore],
              [],
              INDICATOR_HEADER,
              ["产出指标", "数量指标", "培训场次", `≥${target}`, actual, weight, score, "已说明"],
              // Full marks summed from tenths: 7 × 0.1 × 10 is 7.000000000000001 in doubles.
              ["效益指标", "社会效益指标", "服务水平", "按期完成", "按期完成", weight, weight * 0.1 * 10, ""],
            ],
            numFmts,
          });
          grid.sheets[0] = withFormulas(grid.sheets[0], { F2: "D2/C2", G2: "E2*MIN(F2,1)", G5: "IF(E5>=D5,F5,F5*E5/D5)", G6: "F6*0.1*10" });
          const findings = run(grid).findings.map((f) => f.rule);
          for (const rule of ["rate-mismatch", "budget-score-mismatch", "score-mismatch", "score-exceeds-weight", "qualitative-score-band"]) {
            expect(findings).not.toContain(rule);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
