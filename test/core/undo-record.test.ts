import { CellNow, changedSinceRun } from "../../src/core/undo-check";
import { UndoRecord, singleCellEntry, undoSummary, withOldCells } from "../../src/core/writeplan";

/** A run that filled the merged area G7:G8 and G5 on 项目表, and wrote D2. */
const run = (): UndoRecord => ({
  version: 1,
  sheets: [
    {
      name: "项目表",
      entries: [
        { r: 6, c: 6, h: 2, w: 1, fill: null },
        { r: 4, c: 6, fill: "#FFFF00" },
        { r: 1, c: 3, v: "", f: "General" },
      ],
    },
  ],
  summary: { name: "综合得分", backup: null, position: null },
});

describe("singleCellEntry", () => {
  test("finds a cell's own entry, not the area entry starting at it", () => {
    const record = run();
    expect(singleCellEntry(record, "项目表", 4, 6)).toBe(record.sheets[0].entries[1]);
    const g7 = singleCellEntry(record, "项目表", 6, 6);
    expect(g7).toEqual({ r: 6, c: 6 });
    expect(record.sheets[0].entries).toHaveLength(4);
    expect(record.sheets[0].entries[0]).toEqual({ r: 6, c: 6, h: 2, w: 1, fill: null });
  });

  test("adds the sheet, after the others, when the record has none for it", () => {
    const record = run();
    const entry = singleCellEntry(record, "预算表", 2, 5);
    expect(record.sheets.map((s) => s.name)).toEqual(["项目表", "预算表"]);
    expect(record.sheets[1].entries[0]).toBe(entry);
  });
});

describe("withOldCells", () => {
  test("adds notes to the cells' own entries and new ones, leaving the record it is given as it was", () => {
    const record = run();
    const next = withOldCells(record, [
      { sheet: "项目表", row: 4, col: 6, old: { n: null } },
      { sheet: "项目表", row: 6, col: 6, old: { n: "旧批注" } },
      { sheet: "预算表", row: 0, col: 0, old: { v: 5, f: "0.00" } },
    ]);
    expect(next).toEqual({
      ...run(),
      sheets: [
        {
          name: "项目表",
          entries: [
            { r: 6, c: 6, h: 2, w: 1, fill: null },
            { r: 4, c: 6, fill: "#FFFF00", n: null },
            { r: 1, c: 3, v: "", f: "General" },
            { r: 6, c: 6, n: "旧批注" },
          ],
        },
        { name: "预算表", entries: [{ r: 0, c: 0, v: 5, f: "0.00" }] },
      ],
    });
    expect(record).toEqual(run());
  });
});

describe("changedSinceRun: what the run (or 采用计算值) wrote, told by its value and format (review round 54b, H2, L2)", () => {
  // D2 written as 9.5 in 0.00 where it was blank in General; no mark left there (采用计算值 took it off).
  const record: UndoRecord = { version: 1, sheets: [{ name: "项目表", entries: [{ r: 1, c: 3, v: "", f: "General", x: 9.5, xf: "0.00" }] }], summary: null };
  const check = (cell: Partial<CellNow>) =>
    changedSinceRun(record, [], () => ({ fill: null, note: null, value: 9.5, formula: false, numFmt: "0.00", ...cell })).map((c) => `${c.row},${c.col}`);

  test("as written, or back as before the run: nothing lost", () => {
    expect(check({})).toEqual([]);
    expect(check({ value: "", numFmt: "General" })).toEqual([]);
    expect(check({ numFmt: "General" })).toEqual([]);
  });

  test("a value typed over it, a formula, or a number format of the user's: changed", () => {
    expect(check({ value: 9.4 })).toEqual(["1,3"]);
    expect(check({ formula: true })).toEqual(["1,3"]);
    expect(check({ numFmt: "0.0%" })).toEqual(["1,3"]);
  });

  test("an entry from before values were kept, with no mark there, is not checked", () => {
    const old: UndoRecord = { ...record, sheets: [{ name: "项目表", entries: [{ r: 1, c: 3, v: "", f: "General" }] }] };
    expect(changedSinceRun(old, [], () => ({ fill: null, note: null, value: 1, formula: false, numFmt: "0.0%" }))).toEqual([]);
  });
});

describe("undoSummary", () => {
  test("keeps the replaced sheet's place, and its visibility when the user had hid it (review round 54b, L3)", () => {
    expect(undoSummary("综合得分", null, undefined)).toEqual({ name: "综合得分", backup: null, position: null });
    expect(undoSummary("综合得分", "jixiao.undo.summary", { position: 2, visibility: "Visible" })).toEqual({ name: "综合得分", backup: "jixiao.undo.summary", position: 2 });
    expect(undoSummary("综合得分", "jixiao.undo.summary", { position: 2, visibility: "Hidden" })).toEqual({ name: "综合得分", backup: "jixiao.undo.summary", position: 2, hidden: "Hidden" });
  });
});
