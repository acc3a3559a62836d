import { cellAddress } from "../../src/core/grid";
import { CellLook, MarkPlan } from "../../src/core/marks";

/** A workbook's looks as a host would hold them, with the plan's changes applied as a host does. */
export class Looks {
  readonly cells = new Map<string, CellLook>();
  constructor(initial: Record<string, CellLook> = {}) {
    for (const [key, look] of Object.entries(initial)) this.cells.set(key, { ...look });
  }
  at = (sheet: string, row: number, col: number): CellLook => this.cells.get(`${sheet}!${cellAddress(row, col)}`) ?? { fill: null, note: null };
  apply(plan: MarkPlan): void {
    for (const change of plan.fills) {
      for (let r = change.area.top; r <= change.area.bottom; r++) {
        for (let c = change.area.left; c <= change.area.right; c++) this.set(change.sheet, r, c, { fill: change.fill });
      }
    }
    for (const note of plan.notes) this.set(note.sheet, note.row, note.col, { note: note.note });
  }
  private set(sheet: string, row: number, col: number, change: Partial<CellLook>): void {
    this.cells.set(`${sheet}!${cellAddress(row, col)}`, { ...this.at(sheet, row, col), ...change });
  }
  /** Every cell that has a fill or a note. */
  shown(): Record<string, CellLook> {
    return Object.fromEntries([...this.cells].filter(([, look]) => look.fill !== null || look.note !== null).sort(([a], [b]) => a.localeCompare(b)));
  }
}
