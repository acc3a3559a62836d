/** The 总分 formulas jixiao recomputes, and those it leaves to Excel. */
import { FormulaCells, FormulaTable, evaluateFormula, mayRead, shiftedFormula } from "../../src/core/formula";
import { CellValue, cellKey, parseCellAddress } from "../../src/core/grid";

/**
 * Cells by address: a value, or a formula whose result the file does not hold ({ formula }). Any
 * other cell is blank.
 */
type Cells = Record<string, CellValue | { formula: string }>;

function cellsOf(cells: Cells): FormulaCells {
  const byKey = new Map(Object.entries(cells).map(([address, cell]) => {
    const { row, col } = parseCellAddress(address)!;
    return [cellKey(row, col), cell];
  }));
  const at = (row: number, col: number) => byKey.get(cellKey(row, col)) ?? null;
  const isUncached = (cell: CellValue | { formula: string }): cell is { formula: string } => typeof cell === "object" && cell !== null && "formula" in cell;
  return {
    value: (row, col) => {
      const cell = at(row, col);
      return isUncached(cell) ? undefined : cell;
    },
    formulaText: (row, col) => {
      const cell = at(row, col);
      return isUncached(cell) ? cell.formula : undefined;
    },
  };
}

/** Column H, rows 1–6: 10, 2.5, blank, "说明", 7, #DIV/0!. */
const CELLS = cellsOf({ H1: 10, H2: 2.5, H4: "说明", H5: 7, H6: { error: "#DIV/0!" }, I1: 0.1, I2: 0.2 });
const value = (formula: string) => evaluateFormula(formula, CELLS, false)?.toFixed();

describe("evaluateFormula, the formula's result held in the file", () => {
  it.each([
    ["SUM(H1:H5)", "19.5"], // the text and the blank are skipped
    ["sum(h1:h2, h5)", "19.5"],
    ["SUM($H$1,H2:H3)+H5", "19.5"],
    ["H1+H2-H5", "5.5"],
    ["-H1+(H2+H3)", "-7.5"],
    ["SUM(H1,H2+H5)", "19.5"],
    ["I1+I2", "0.3"], // exact: not 0.30000000000000004
    ["H1+1.5", "11.5"],
    ["H1*2", "20"],
    ["H1*H2/4+H5", "13.25"],
    ["H1+H2*2", "15"], // × before +
    ["(H1+H2)*2", "25"],
    ["H1*H3", "0"], // a blank counts 0, as Excel counts it
    ["H5/3", "2.33333333333333"], // to 15 significant digits, as Excel shows it
  ])("%s = %s", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it.each([
    "SUM(H1:H6)", // an error value in the range
    "H1+H4", // text added with +
    "ROUND(SUM(H1:H2))", // ROUND needs its digits
    "SUBTOTAL(1,H1:H2)", // an average
    "SUBTOTAL(9,H1+H2)", // SUBTOTAL takes references
    "SUM(表1[得分])", // no such table
    "Sheet2!H1+H2",
    "H1/H3", // #DIV/0!
    "H1/0",
    "H1*-2",
    "H1:H2",
    "SUM(H:H)",
    "SUM(H1,",
    "",
    '"a"&H1',
  ])("%s is left to Excel", (formula) => {
    expect(value(formula)).toBeUndefined();
  });
});

describe("evaluateFormula: ROUND, SUBTOTAL and a table's columns (review round 53c, M1)", () => {
  it.each([
    ["ROUND(SUM(H1:H2),2)", "12.5"],
    ["ROUND(2.675,2)", "2.68"], // as Excel shows 2.675, not the double under it
    ["ROUND(1.005,2)", "1.01"],
    ["ROUND(-2.5,0)", "-3"], // half away from zero
    ["ROUND(2.5,0)", "3"],
    ["ROUND(1234.5,-2)", "1200"],
    ["ROUND(H5/3,2.9)", "2.33"], // digits truncated, as Excel takes them
    ["ROUNDUP(-2.1,0)", "-3"],
    ["ROUNDUP(2.001,2)", "2.01"],
    ["ROUNDDOWN(-2.9,0)", "-2"],
    ["ROUNDDOWN(H5/3,1)", "2.3"],
    ["round(sum(h1:h2),1)+1", "13.5"],
    ["SUBTOTAL(9,H1:H5)", "19.5"],
    ["SUBTOTAL(109,H1:H2,H5)", "19.5"],
  ])("%s = %s", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it("rounds a sum as Excel shows it: 9.575 + 85.49999999999999 is 95.075, rounded up", () => {
    expect(evaluateFormula("ROUND(I1+I2,2)", cellsOf({ I1: 9.575, I2: 85.49999999999999 }), false)?.toFixed()).toBe("95.08");
  });

  it("leaves a SUBTOTAL in a SUBTOTAL's range out, as Excel does (a group's 小计 under the 总分's range)", () => {
    const cells = cellsOf({ H1: 10, H2: 20, H3: { formula: "SUBTOTAL(9,H1:H2)" }, H4: 5 });
    expect(evaluateFormula("SUBTOTAL(9,H1:H4)", cells, false)?.toFixed()).toBe("35");
    // SUM counts it.
    expect(evaluateFormula("SUM(H1:H4)", cells, false)?.toFixed()).toBe("65");
  });

  /** 指标表 over B1:D5: header row 1, data rows 2–4, a totals row 5. */
  const TABLE: FormulaTable = { ref: { top: 0, left: 1, bottom: 4, right: 3 }, columns: ["指标", "分值", "得分"], headerRows: 1, totalsRows: 1 };
  const withTable = (table: FormulaTable) => ({
    ...cellsOf({ B1: "指标", C1: "分值", D1: "得分", C2: 10, C3: 20, C4: 30, D2: 9, D3: 18.5, D4: 30, D5: { formula: "SUBTOTAL(109,指标表[得分])" } }),
    table: (name: string) => (name === "指标表" ? table : undefined),
  });

  it.each([
    ["SUBTOTAL(109,指标表[得分])", "57.5"],
    ["SUM(指标表[得分])", "57.5"],
    ["SUM(指标表[[#Data],[得分]])", "57.5"],
    ["SUM(指标表[[分值]:[得分]])", "117.5"],
    ["SUM(指标表[#Data])", "117.5"],
    ["ROUND(SUM(指标表[得分]),0)", "58"],
  ])("%s = %s", (formula, expected) => {
    expect(evaluateFormula(formula, withTable(TABLE), false)?.toFixed()).toBe(expected);
  });

  it("reads a table without a header row or totals row by its counts, and leaves the rest to Excel", () => {
    expect(evaluateFormula("SUM(指标表[得分])", withTable({ ...TABLE, headerRows: 0, totalsRows: 0, ref: { top: 1, left: 1, bottom: 3, right: 3 } }), false)?.toFixed()).toBe("57.5");
    for (const formula of ["SUM(指标表[[#All],[得分]])", "SUM(指标表[[#Totals],[得分]])", "指标表[[#This Row],[得分]]", "SUM(指标表[偏差])", "SUM(指标表[[分值],[得分]])", "SUM(其他表[得分])"]) {
      expect([formula, evaluateFormula(formula, withTable(TABLE), false)]).toEqual([formula, undefined]);
    }
  });
});

describe("mayRead: whether a formula jixiao does not work out reads a cell it fills", () => {
  const at = (...addresses: string[]) => addresses.map((a) => parseCellAddress(a)!).map(({ row, col }) => cellKey(row, col));
  const TABLE: FormulaTable = { ref: { top: 10, left: 1, bottom: 35, right: 8 }, columns: [], headerRows: 1, totalsRows: 1 };
  const table = (name: string) => (name === "指标表" ? TABLE : undefined);

  it.each([
    ['IF(COUNT(H12:H35)=0,"",SUM(H12:H35))', true],
    ["AVERAGE($H$20,H30)", true],
    ["SUM(H:H)", true],
    ["MEDIAN(指标表[得分])", true], // the table covers H20
    ['IF(H20="","",1)', true],
    ["Sheet2!H20+1", false], // another sheet's H20
    ["'自评 表'!H12:H35", false],
    ['"H20"&A1', false], // a text, not a reference
    ["SUM(H21:H35)", false],
    ["MEDIAN(其他表[得分])", false], // not this sheet's table
    ["LOG10(H21)", false],
  ])("%s: %s", (formula, expected) => {
    expect(mayRead(formula, at("H20"), table)).toBe(expected);
  });
});

/**
 * The national form's budget line and 总分 as openpyxl writes them, no formula holding a result:
 * 执行率 H7 = F7/E7 (304 of 320), 得分 I7 = G7*H7, and scores H14:H16 with H16 an empty optional row.
 */
const NATIONAL: Cells = {
  E7: 320,
  F7: 304,
  G7: 10,
  H7: { formula: "F7/E7" },
  I7: { formula: "G7*H7" },
  H14: 50,
  H15: 39,
};

describe("evaluateFormula, a result the file does not hold", () => {
  const worked = (formula: string, cells: Cells, resultUnknown = true) => evaluateFormula(formula, cellsOf(cells), resultUnknown)?.toFixed();

  it("works a formula out through the formulas it reads, from their own cells", () => {
    expect(worked("I7+SUM(H14:H16)", NATIONAL)).toBe("98.5");
  });

  it("skips a range's blank rows: an empty optional row is blank, not unknown", () => {
    expect(worked("SUM(H14:H16)", NATIONAL)).toBe("89");
  });

  it("is unknown when a cell it names alone is blank, never a value made of blanks", () => {
    expect(worked("I7+SUM(H14:H16)", { ...NATIONAL, G7: null })).toBeUndefined(); // G7*H7 over a blank G7
    expect(worked("H16+SUM(H14:H15)", NATIONAL)).toBeUndefined();
    expect(worked("SUM(H16,H14:H15)", NATIONAL)).toBeUndefined();
    // With its result held, the same formula is what Excel showed: the blank counted 0.
    expect(worked("H16+SUM(H14:H15)", NATIONAL, false)).toBe("89");
  });

  it("is unknown when a formula it reads cannot be worked out, whether or not its own result is held", () => {
    const rounded = { ...NATIONAL, I7: { formula: "ROUND(G7*MIN(H7,1),2)" } };
    const otherSheet = { ...NATIONAL, H15: { formula: "评分依据!C3" } };
    for (const cells of [rounded, otherSheet]) {
      expect(worked("I7+SUM(H14:H16)", cells)).toBeUndefined();
      expect(worked("I7+SUM(H14:H16)", cells, false)).toBeUndefined();
    }
    // In a range too: a formula whose result is not held is not a blank to skip.
    expect(worked("SUM(H14:H16)", otherSheet)).toBeUndefined();
  });

  it("is unknown when a formula comes round to itself", () => {
    expect(worked("H14+H15", { ...NATIONAL, H15: { formula: "H16+1" }, H16: { formula: "H15*2" } })).toBeUndefined();
  });

  it("leaves a chain deeper than any form's unknown, without overflowing the stack", () => {
    // H1 = 1, then each row the one above plus 1, down 20,000 rows, no result held.
    const chain: Cells = { H1: 1 };
    for (let row = 2; row <= 20000; row++) chain[`H${row}`] = { formula: `H${row - 1}+1` };
    expect(worked("H20000+0", chain)).toBeUndefined();
    expect(worked("H5+0", chain)).toBe("5");
  });

  it("takes a result held in the file as it is", () => {
    expect(worked("I7+SUM(H14:H16)", { ...NATIONAL, I7: 9.5 })).toBe("98.5");
  });
});

describe("shiftedFormula: a shared formula's text as a cell away from its master reads it", () => {
  it("moves relative references and keeps $ ones", () => {
    expect(shiftedFormula("SUM(F2:F3)+G7", 0, 1)).toBe("SUM(G2:G3)+H7");
    expect(shiftedFormula("B2/A2", 2, 0)).toBe("B4/A4");
    expect(shiftedFormula("$B2*C$1+$D$5", 3, 2)).toBe("$B5*E$1+$D$5");
  });

  it("leaves a function named like a reference, and gives up off the sheet or on what it does not read", () => {
    expect(shiftedFormula("LOG10(A1)", 1, 0)).toBe("LOG10(A2)");
    expect(shiftedFormula("A2-1", -2, 0)).toBeUndefined();
    expect(shiftedFormula('IF(A1>0,"是","否")', 1, 0)).toBeUndefined();
    expect(shiftedFormula("SUM(F:F)", 0, 1)).toBeUndefined();
    expect(shiftedFormula("SUM(2:2)", 1, 0)).toBeUndefined();
  });
});
