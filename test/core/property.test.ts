/**
 * Properties over generated workbooks, at the core: analyze never throws, writes only into blank
 * cells of their own, computed scores stay within 0..weight, and once its writes are applied a
 * second analysis writes nothing new.
 */
import fc from "fast-check";
import { analyze } from "../../src/core/analyze";
import { SheetView, WorkbookGrid, cellText, parseCellAddress } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { arbitraryWorkbook } from "../support/arbitrary";

function withWrites(grid: WorkbookGrid, writes: { sheet: string; row: number; col: number; value: string; numFmt: string }[]): WorkbookGrid {
  const copy: WorkbookGrid = structuredClone(grid);
  for (const w of writes) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet)!;
    (sheet.values[w.row] ??= [])[w.col] = Number(w.value);
    (sheet.numFmts[w.row] ??= [])[w.col] = w.numFmt;
  }
  return copy;
}

describe("generated workbooks", () => {
  it("are analysed without exceptions; writes go only into blank cells; scores stay within their weights", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (grid) => {
        const a = analyze(grid, DEFAULT_PROFILE);
        for (const w of a.writes) {
          const view = new SheetView(grid.sheets.find((s) => s.name === w.sheet)!);
          expect(cellText(view.raw(w.row, w.col))).toBe("");
          expect(view.origin(w.row, w.col)).toEqual({ row: w.row, col: w.col });
          expect(parseCellAddress(w.cell)).toEqual({ row: w.row, col: w.col });
        }
        for (const f of a.findings) expect(parseCellAddress(f.cell)).toEqual({ row: f.row, col: f.col });
        for (const i of a.indicators) {
          if (i.score !== null && i.weight !== null && i.recordedScore === null) {
            expect(Number(i.score)).toBeGreaterThanOrEqual(0);
            expect(Number(i.score)).toBeLessThanOrEqual(Number(i.weight));
          }
        }
        for (const b of a.budget) {
          if (b.score !== null) {
            expect(Number(b.score)).toBeGreaterThanOrEqual(0);
            expect(Number(b.score)).toBeLessThanOrEqual(Number(b.weight));
          }
        }
        for (const f of a.findings) expect(f.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("write nothing new on a second run once the first run's writes are in", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (grid) => {
        const first = analyze(grid, DEFAULT_PROFILE);
        const second = analyze(withWrites(grid, first.writes), DEFAULT_PROFILE);
        expect(second.writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
