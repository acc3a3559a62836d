import {
  UNDO_DEPTH,
  UndoRecord,
  buildUndoRecord,
  columnWidthPoints,
  packChunks,
  parseUndoStack,
  planCellChanges,
  planSummary,
  pushUndo,
  restoredCells,
  styleBlocks,
  withOldCells,
} from "../../src/core/writeplan";
import { wantedMarks } from "../../src/core/marks";
import { cellMark, cellWrite, sheet, smallSummary } from "./helpers";

const grid = {
  sheets: [
    sheet("表", [
      ["一级指标", "名称", "得分"],
      ["产出指标", "数量", null],
      [null, "质量", { error: "#DIV/0!" }],
    ], ["A2:A3"], [[], [undefined, undefined, "0.00"]]),
  ],
};

/** The mark plan's fills for marked cells, each widened to its merged area (src/core/marks.ts). */
const markFills = (marks: ReturnType<typeof cellMark>[]) =>
  wantedMarks({ marks, findings: [], writes: [] }, grid, "zh").map((m) => ({ sheet: m.sheet, area: m.area, fill: m.color }));

describe("planCellChanges", () => {
  test("takes the writes as numbers and the mark plan's fills as they are", () => {
    const fills = markFills([cellMark("表", 1, 0, "#FFC7CE"), cellMark("表", 2, 0, "#FFEB9C"), cellMark("表", 1, 1)]);
    const plan = planCellChanges({ writes: [cellWrite("表", 1, 2, "9.50", "0.00")] }, fills);
    expect(plan.writes).toEqual([{ sheet: "表", row: 1, col: 2, value: 9.5, numFmt: "0.00" }]);
    expect(plan.fills).toEqual([
      { sheet: "表", area: { top: 1, left: 0, bottom: 2, right: 0 }, fill: "#FFC7CE" },
      { sheet: "表", area: { top: 1, left: 1, bottom: 1, right: 1 }, fill: "#FFC7CE" },
    ]);
  });

  test("carries a write that only updates a formula's cached result as such", () => {
    const plan = planCellChanges({ writes: [{ ...cellWrite("表", 2, 2, "18", "0.00"), cachedResult: true }] }, []);
    expect(plan.writes).toEqual([{ sheet: "表", row: 2, col: 2, value: 18, numFmt: "0.00", cachedResult: true }]);
  });
});

describe("undo record", () => {
  const plan = planCellChanges({ writes: [cellWrite("表", 1, 2, "9.5", "0.00")] }, markFills([cellMark("表", 1, 0), cellMark("表", 1, 2), cellMark("表", 2, 2)]));

  test("keeps old values, formats and fills; a merged area of one fill is one entry", () => {
    const fills = (_s: string, row: number, col: number) => (row === 2 && col === 2 ? "#00FF00" : null);
    const record = buildUndoRecord(plan, grid, fills, { name: "综合得分", backup: null, position: null });
    expect(record).toEqual({
      version: 1,
      sheets: [
        {
          name: "表",
          entries: [
            // What the run wrote, so that a value or format of the user's since is told (review round 54b, H2, L2).
            { r: 1, c: 2, v: "", f: "0.00", x: 9.5, xf: "0.00", fill: null },
            { r: 1, c: 0, h: 2, w: 1, fill: null },
            { r: 2, c: 2, fill: "#00FF00" },
          ],
        },
      ],
      summary: { name: "综合得分", backup: null, position: null },
    });
    expect(parseUndoStack(JSON.stringify(record))).toEqual([record]);
  });

  test("a merged area of mixed fills is kept cell by cell", () => {
    const fills = (_s: string, row: number) => (row === 2 ? "#0000FF" : null);
    const record = buildUndoRecord({ writes: [], fills: [plan.fills[0]] }, grid, fills, null);
    expect(record.sheets[0].entries).toEqual([
      { r: 1, c: 0, fill: null },
      { r: 2, c: 0, fill: "#0000FF" },
    ]);
  });

  test("refuses to guess an old fill that was not read", () => {
    const fills = (_s: string, row: number) => (row === 1 ? null : undefined);
    expect(() => buildUndoRecord(plan, grid, fills, null)).toThrow(/表!R3C1 was not read/);
  });

  test("counts each cell it restores once, a note's included", () => {
    const written = planCellChanges({ writes: [cellWrite("表", 1, 2, "9.5", "0.00")] }, markFills([cellMark("表", 1, 0), cellMark("表", 2, 2)]));
    const withNote = withOldCells(buildUndoRecord(written, grid, () => null, null), [{ sheet: "表", row: 2, col: 1, old: { n: "用户批注" } }]);
    expect(restoredCells(withNote)).toBe(5);
  });

  test("a damaged or foreign record is not one", () => {
    for (const bad of ["{", "null", '{"version":2,"sheets":[]}', '{"version":1,"sheets":[{"name":"表","entries":[{"r":"x"}]}],"summary":null}']) {
      expect(parseUndoStack(bad)).toBeUndefined();
    }
  });
});

describe("undo stack", () => {
  /** Run n: it wrote C(n) and replaced a summary kept as backup n. */
  const run = (n: number): UndoRecord => ({
    version: 1,
    sheets: [{ name: "表", entries: [{ r: n, c: 2, v: "", f: "General" }] }],
    summary: { name: "综合得分", backup: `jixiao.undo.summary.${n}`, position: 1 },
  });
  const runs = (...ns: number[]) => ns.map(run);
  const roomy = 1_000_000;

  test("the new run goes on top; the runs beyond UNDO_DEPTH are dropped", () => {
    expect(UNDO_DEPTH).toBe(5);
    const { json, dropped } = pushUndo(run(7), runs(6, 5, 4, 3, 2, 1), roomy);
    expect(parseUndoStack(json)).toEqual(runs(7, 6, 5, 4, 3));
    expect(dropped).toEqual(runs(2, 1));
  });

  test("older runs are dropped until the stack fits the size limit", () => {
    const fitsTwo = JSON.stringify(runs(3, 2)).length;
    const two = pushUndo(run(3), runs(2, 1), fitsTwo);
    expect(two.json).toBe(JSON.stringify(runs(3, 2)));
    expect(two.dropped).toEqual(runs(1));
    const one = pushUndo(run(3), runs(2, 1), fitsTwo - 1);
    expect(one.json).toBe(JSON.stringify(runs(3)));
    expect(one.dropped).toEqual(runs(2, 1));
  });

  test("a run too large alone gives no stack to store", () => {
    const size = JSON.stringify(runs(1)).length;
    expect(pushUndo(run(1), [], size).json).toBe(JSON.stringify(runs(1)));
    expect(pushUndo(run(1), [], size - 1).json).toBeNull();
    expect(pushUndo(run(3), runs(2, 1), size - 1).json).toBeNull();
  });
});

describe("summary plan", () => {
  test("text is text (formatted @), numbers are numbers with their formats", () => {
    const plan = planSummary(
      smallSummary({
        cells: [
          { row: 0, col: 0, value: "=SUM(A1:A9)", isNumber: false, style: "text" },
          { row: 0, col: 1, value: "+86 123", isNumber: false, style: "text" },
          { row: 0, col: 2, value: "-", isNumber: false, style: "text" },
          { row: 1, col: 0, value: "@risk", isNumber: false, style: "text" },
          { row: 1, col: 1, value: "0.4316", isNumber: true, numFmt: "0.00%", style: "percent" },
          { row: 1, col: 2, value: "12", isNumber: true, style: "number" },
        ],
        rowCount: 2,
      }),
    );
    expect(plan.values).toEqual([
      ["=SUM(A1:A9)", "+86 123", "-"],
      ["@risk", 0.4316, 12],
    ]);
    expect(plan.numFmts).toEqual([
      ["@", "@", "@"],
      ["@", "0.00%", "General"],
    ]);
  });

  test("styles are grouped into rectangles", () => {
    const t = "text" as const;
    const e = "error" as const;
    expect(
      styleBlocks([
        ["header", "header", "header"],
        [t, t, e],
        [t, t, e],
        [t, t, "warning"],
        [null, null, null],
      ]),
    ).toEqual([
      { top: 0, left: 0, rows: 1, cols: 3, style: "header" },
      { top: 1, left: 0, rows: 3, cols: 2, style: "text" },
      { top: 1, left: 2, rows: 2, cols: 1, style: "error" },
      { top: 3, left: 2, rows: 1, cols: 1, style: "warning" },
    ]);
  });
});

test("packChunks keeps order and the budget; an oversized item goes alone", () => {
  expect(packChunks([3, 3, 3, 9, 1], (n) => n, 6)).toEqual([[3, 3], [3], [9], [1]]);
});

test("column widths in points", () => {
  expect(columnWidthPoints(10)).toBe(56.25);
});
