/** The 总分 formulas jixiao recomputes, and those it leaves to Excel. */
import { evaluateSumFormula } from "../../src/core/formula";
import { CellValue, parseCellAddress } from "../../src/core/grid";

/** Column H, rows 1–6: 10, 2.5, blank, "说明", 7, #DIV/0!. */
const CELLS: Record<string, CellValue> = { H1: 10, H2: 2.5, H4: "说明", H5: 7, H6: { error: "#DIV/0!" }, I1: 0.1, I2: 0.2 };
const read = (row: number, col: number): CellValue => {
  const hit = Object.entries(CELLS).find(([address]) => {
    const at = parseCellAddress(address)!;
    return at.row === row && at.col === col;
  });
  return hit ? hit[1] : null;
};
const value = (formula: string) => evaluateSumFormula(formula, read)?.toFixed();

describe("evaluateSumFormula", () => {
  it.each([
    ["SUM(H1:H5)", "19.5"], // the text and the blank are skipped
    ["sum(h1:h2, h5)", "19.5"],
    ["SUM($H$1,H2:H3)+H5", "19.5"],
    ["H1+H2-H5", "5.5"],
    ["-H1+(H2+H3)", "-7.5"],
    ["SUM(H1,H2+H5)", "19.5"],
    ["I1+I2", "0.3"], // exact: not 0.30000000000000004
    ["H1+1.5", "11.5"],
  ])("%s = %s", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it.each([
    "SUM(H1:H6)", // an error value in the range
    "H1+H4", // text added with +
    "ROUND(SUM(H1:H2),2)",
    "Sheet2!H1+H2",
    "H1*2",
    "H1:H2",
    "SUM(H:H)",
    "SUM(H1,",
    "",
    '"a"&H1',
  ])("%s is left to Excel", (formula) => {
    expect(value(formula)).toBeUndefined();
  });
});
