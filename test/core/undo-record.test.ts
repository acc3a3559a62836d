import { UndoRecord, singleCellEntry, withOldCells } from "../../src/core/writeplan";

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
