import { cachedResultsOf, cachedResultsToGiveBack, recordCachedResults, withCachedResults } from "../../src/core/cached-results";
import { CellWrite } from "../../src/core/result";
import { withFormulas, workbook } from "../support/grid";

/** 总分 at B3 =SUM(B1:B2), cached as `cached`; B2 is a plain value. */
const totalGrid = (cached: number | string | null) => {
  const grid = workbook({ name: "自评表", rows: [["培训场次", 40], ["群众满意度", 50], ["总分", cached]] });
  grid.sheets[0] = withFormulas(grid.sheets[0], { B3: "SUM(B1:B2)" });
  return grid;
};
const write = (value: string): CellWrite => ({ sheet: "自评表", cell: "B3", row: 2, col: 1, value, numFmt: "General", cachedResult: true });

describe("the formula results a scored copy updates, in jixiao's record", () => {
  it("each write of a cached result, with the result before; other writes are not formula results", () => {
    const filled: CellWrite = { sheet: "自评表", cell: "B1", row: 0, col: 1, value: "40", numFmt: "0.00" };
    expect(recordCachedResults([filled, write("90")], totalGrid(50), [])).toEqual([{ sheet: "自评表", cell: "B3", value: "90", was: 50 }]);
    expect(recordCachedResults([write("90")], totalGrid(null), [])).toEqual([{ sheet: "自评表", cell: "B3", value: "90", was: null }]);
  });

  it("a later run keeps the first run's result before while the formula holds that run's result, and drops it once it does not", () => {
    const first = [{ sheet: "自评表", cell: "B3", value: "90", was: 50 }];
    // Nothing to write this time (the total agrees): the entry stays.
    expect(recordCachedResults([], totalGrid(90), first)).toEqual(first);
    // Written again after an edit: still the result before the first run.
    expect(recordCachedResults([write("85")], totalGrid(90), first)).toEqual([{ sheet: "自评表", cell: "B3", value: "85", was: 50 }]);
    // Recalculated since by another program: the result there now is the one before.
    expect(recordCachedResults([write("85")], totalGrid(91), first)).toEqual([{ sheet: "自评表", cell: "B3", value: "85", was: 91 }]);
    expect(recordCachedResults([], totalGrid(91), first)).toEqual([]);
    // A formula that held no result before the first run: none is still what it held before.
    const noneBefore = [{ sheet: "自评表", cell: "B3", value: "90", was: null }];
    expect(recordCachedResults([write("85")], totalGrid(90), noneBefore)).toEqual([{ sheet: "自评表", cell: "B3", value: "85", was: null }]);
  });

  it("清除标记 gives back only where the formula still holds jixiao's result, not over a value typed in its place", () => {
    const entries = [{ sheet: "自评表", cell: "B3", value: "90", was: 50 }];
    expect(cachedResultsToGiveBack(entries, totalGrid(90))).toEqual(entries);
    expect(cachedResultsToGiveBack(entries, totalGrid(91))).toEqual([]);
    const typed = workbook({ name: "自评表", rows: [["培训场次", 40], ["群众满意度", 50], ["总分", 90]] });
    expect(cachedResultsToGiveBack(entries, typed)).toEqual([]);
    expect(cachedResultsToGiveBack([{ ...entries[0], sheet: "已删除" }], totalGrid(90))).toEqual([]);
  });

  it("the record holds the field only when there are entries; damaged entries (a hand edit) are dropped", () => {
    expect(withCachedResults({ v: 1, marks: {} }, [])).toEqual({ v: 1, marks: {} });
    expect(withCachedResults({ v: 1, cachedResults: [{ sheet: "a", cell: "B3", value: "1", was: 0 }] }, [])).toEqual({ v: 1 });
    const kept = [
      { sheet: "a", cell: "B3", value: "1", was: 0 },
      { sheet: "a", cell: "B4", value: "1", was: { error: "#VALUE!" } },
      { sheet: "a", cell: "B5", value: "1", was: "待填" },
      { sheet: "a", cell: "B6", value: "1", was: null },
    ];
    const damaged = [{ sheet: "a", cell: "B7", value: 1, was: 0 }, { sheet: "a", cell: "B8", value: "1" }, { sheet: "a", cell: "B9", value: "1", was: { error: 1 } }, null];
    expect(cachedResultsOf({ v: 1, cachedResults: [...kept, ...damaged] })).toEqual(kept);
    expect(cachedResultsOf({ v: 1, cachedResults: "x" })).toEqual([]);
  });
});
