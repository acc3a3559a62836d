import fc from "fast-check";
import { SheetGrid, SheetView, absoluteReference, absoluteRows, parseCellAddress, parseRangeAddress, quotedSheetName, viewOf, wholeRows } from "./grid";

/** B2:C3 merged (value "合并" in B2), A5:A1048576 merged down a whole column (value "列"). */
function sheet(): SheetGrid {
  return {
    name: "表",
    values: [
      ["a", "b", "c"],
      [1, "合并", null, 4],
      [null, null, null, "d"],
      [],
      ["列", 7],
    ],
    numFmts: [[], [undefined, "0.00%"]],
    merges: [
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 0, bottom: 1048575, right: 0 },
    ],
  };
}

describe("viewOf", () => {
  test("gives one view per sheet object, however often it is asked", () => {
    const first = sheet();
    const view = viewOf(first);
    expect(viewOf(first)).toBe(view);
    expect(view.sheet).toBe(first);
    expect(view.value(2, 2)).toBe("合并");
  });

  test("gives a sheet equal to another, but not the same object, a view of its own", () => {
    const [a, b] = [sheet(), sheet()];
    expect(viewOf(a)).not.toBe(viewOf(b));
    expect(viewOf(b).sheet).toBe(b);
  });
});

describe("SheetView", () => {
  const view = new SheetView(sheet());

  test("sizes come from the values, not from merges running past them", () => {
    expect(view.rowCount).toBe(5);
    expect(view.colCount).toBe(4);
  });

  test("every cell of a merged area shows its top-left value and format", () => {
    for (const [row, col] of [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]) {
      expect(view.value(row, col)).toBe("合并");
      expect(view.numFmt(row, col)).toBe("0.00%");
      expect(view.origin(row, col)).toEqual({ row: 1, col: 1 });
      expect([view.originRow(row, col), view.originCol(row, col)]).toEqual([1, 1]);
    }
    expect(view.mergeAt(2, 3)).toBeUndefined();
    expect(view.value(2, 3)).toBe("d");
  });

  test("isOrigin is true outside merged areas and at their top-left cell only", () => {
    expect(view.isOrigin(0, 0)).toBe(true);
    expect(view.isOrigin(1, 1)).toBe(true);
    expect(view.isOrigin(1, 2)).toBe(false);
    expect(view.isOrigin(2, 1)).toBe(false);
    expect(view.isOrigin(4, 0)).toBe(true);
  });

  test("rowValue: a merged area counts in the row it starts in, not in the rows it continues into", () => {
    expect(view.rowValue(1, 2)).toBe("合并"); // same row, right of the top-left cell
    expect(view.rowValue(2, 1)).toBeNull(); // continued from the row above
    expect(view.rowValue(2, 3)).toBe("d");
    expect(view.rowValue(4, 0)).toBe("列");
  });

  test("a merge down a whole column is known in the rows that hold values", () => {
    expect(view.mergeAt(4, 0)).toEqual({ top: 4, left: 0, bottom: 1048575, right: 0 });
    expect(view.text(4, 1)).toBe("7");
  });
});

describe("parseCellAddress", () => {
  /** The definition: optional "$"s, one to three letters of either case, digits; blanks around. */
  const byPattern = (address: string) => {
    const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
    if (!match) return undefined;
    let col = 0;
    for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, col: col - 1 };
  };

  it("reads addresses as the pattern defines them", () => {
    expect(parseCellAddress("H24")).toEqual({ row: 23, col: 7 });
    expect(parseCellAddress(" $xfd$1048576 ")).toEqual({ row: 1048575, col: 16383 });
    for (const text of ["", "A", "12", "ABCD1", "A$", "$$A1", "A1:B2", "A-1", "a 1", "@1", "[1"]) expect(parseCellAddress(text)).toBeUndefined();
  });

  it("agrees with the pattern on any text of address-like characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("$", "A", "z", "Q", "0", "1", "9", " ", ":", "@", "[", "`", "{") }), (text) => {
        expect(parseCellAddress(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("quotedSheetName, absoluteReference and absoluteRows", () => {
  it("always quote the sheet name, doubling the quotes inside it", () => {
    expect(quotedSheetName("综合得分")).toBe("'综合得分'");
    expect(quotedSheetName("Bob's (2)")).toBe("'Bob''s (2)'");
  });

  it("fix both corners of a range with $, and name one cell once", () => {
    expect(absoluteReference("综合得分", { top: 9, left: 1, bottom: 11, right: 1 })).toBe("'综合得分'!$B$10:$B$12");
    expect(absoluteReference("汇总", { top: 0, left: 0, bottom: 40, right: 27 })).toBe("'汇总'!$A$1:$AB$41");
    expect(absoluteReference("It's", { top: 2, left: 2, bottom: 2, right: 2 })).toBe("'It''s'!$C$3");
  });

  it("name whole rows 1-based, as print titles do", () => {
    expect(absoluteRows("综合得分", 4, 4)).toBe("'综合得分'!$5:$5");
    expect(absoluteRows("It's", 0, 2)).toBe("'It''s'!$1:$3");
    expect(wholeRows(4, 6)).toBe("$5:$7");
  });

  it("give back a range parseRangeAddress reads as the same range", () => {
    fc.assert(
      fc.property(fc.nat(1048575), fc.nat(16383), fc.nat(50), fc.nat(50), (top, left, rows, cols) => {
        const range = { top, left, bottom: Math.min(top + rows, 1048575), right: Math.min(left + cols, 16383) };
        expect(parseRangeAddress(absoluteReference("表", range).slice("'表'!".length))).toEqual(range);
      }),
    );
  });
});
