/* global document, HTMLElement */
/**
 * A plain HTML picture of the playground's fake workbook, beside the task pane: sheet tabs and the
 * active sheet as a table with its values (roughly formatted), fills, bold text, merged areas and
 * the selected cell outlined. It redraws after every sync, so writes, selection and undo show up.
 * Cells carry data-address (and the selected one data-selected, one with a note data-note and the
 * note as its title, shown on hover) for the browser test.
 */
import { MergeRange, cellAddress, cellKey, columnLetters } from "../core/grid";
import { ExcelScalar, FakeCell, FakeSheet, FakeWorkbook, parseA1 } from "./fake-workbook";

/** Rows and columns drawn at most: enough for self-evaluation sheets, cheap to redraw. */
const MAX_ROWS = 400;
const MAX_COLS = 40;

const CSS = `
#jixiao-sheet { flex: 1; min-width: 0; overflow: auto; padding: 8px 12px; background: #f3f3f3; font-size: 12px; }
#jixiao-sheet .caption { color: #616161; margin: 0 0 6px; }
#jixiao-sheet .tabs { display: flex; gap: 2px; margin-bottom: 6px; flex-wrap: wrap; }
#jixiao-sheet .tabs button { border: 1px solid #c8c8c8; background: #e8e8e8; padding: 3px 10px; cursor: pointer; font: inherit; }
#jixiao-sheet .tabs button.active { background: #fff; border-bottom-color: #fff; font-weight: 600; color: #107c41; }
#jixiao-sheet table { border-collapse: collapse; background: #fff; }
#jixiao-sheet th { background: #e8e8e8; color: #616161; font-weight: normal; border: 1px solid #d0d0d0; padding: 1px 4px; }
#jixiao-sheet td { border: 1px solid #e0e0e0; padding: 2px 4px; max-width: 260px; white-space: pre-wrap; vertical-align: top; }
#jixiao-sheet td.number { text-align: right; }
#jixiao-sheet td[data-selected] { outline: 2px solid #107c41; outline-offset: -2px; }
#jixiao-sheet td[data-note] { background-image: linear-gradient(225deg, #c00000 5px, transparent 5px); }
`;

/** Lays the page out as task pane | sheet view and returns the view's element. */
export function mountSheetView(): HTMLElement {
  const style = document.createElement("style");
  style.textContent = `body { display: flex; min-height: 100vh; } #container { width: 380px; flex: none; border-right: 1px solid #d0d0d0; }${CSS}`;
  document.head.appendChild(style);
  const view = document.createElement("section");
  view.id = "jixiao-sheet";
  view.setAttribute("aria-label", "Workbook (playground)");
  document.body.appendChild(view);
  return view;
}

export function renderWorkbook(view: HTMLElement, book: FakeWorkbook, caption: string): void {
  view.replaceChildren();
  const heading = document.createElement("p");
  heading.className = "caption";
  heading.textContent = `${caption} · syncs: ${book.syncCount}`;
  view.appendChild(heading);
  view.appendChild(tabs(view, book, caption));
  const sheet = book.sheet(book.activeSheet);
  if (sheet) view.appendChild(table(sheet, selectedArea(book, sheet)));
}

function tabs(view: HTMLElement, book: FakeWorkbook, caption: string): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "tabs";
  bar.setAttribute("role", "tablist");
  for (const sheet of book.sheets.filter((s) => s.visibility === "Visible")) {
    const button = document.createElement("button");
    button.textContent = sheet.name;
    button.setAttribute("role", "tab");
    if (sheet.name === book.activeSheet) {
      button.className = "active";
      button.setAttribute("aria-selected", "true");
    }
    button.onclick = () => {
      book.activeSheet = sheet.name;
      renderWorkbook(view, book, caption);
    };
    bar.appendChild(button);
  }
  return bar;
}

function selectedArea(book: FakeWorkbook, sheet: FakeSheet): MergeRange | undefined {
  return book.selection?.sheet === sheet.name ? parseA1(book.selection.address) : undefined;
}

function table(sheet: FakeSheet, selected: MergeRange | undefined): HTMLElement {
  const used = sheet.usedRect(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const rows = Math.min(used.bottom + 1, MAX_ROWS);
  const cols = Math.min(used.right + 1, MAX_COLS);
  const covered = new Set<string>();
  const mergeAt = new Map<string, MergeRange>();
  for (const m of sheet.merges) {
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  const grid = document.createElement("table");
  const header = grid.insertRow();
  header.appendChild(document.createElement("th"));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement("th");
    th.textContent = columnLetters(c);
    header.appendChild(th);
  }
  for (let r = 0; r < rows; r++) {
    const tr = grid.insertRow();
    const th = document.createElement("th");
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const td = tr.insertCell();
      const merge = mergeAt.get(`${r},${c}`);
      if (merge) {
        td.rowSpan = merge.bottom - merge.top + 1;
        td.colSpan = merge.right - merge.left + 1;
      }
      td.dataset.address = cellAddress(r, c);
      if (selected && r >= selected.top && r <= selected.bottom && c >= selected.left && c <= selected.right) td.dataset.selected = "true";
      const cell = sheet.cell(r, c);
      if (cell) paint(td, cell);
      // A note shows on hover, as in Excel, and is marked in the cell's corner.
      const note = sheet.notes.get(cellKey(r, c));
      if (note !== undefined) {
        td.title = note;
        td.dataset.note = "true";
      }
    }
  }
  return grid;
}

function paint(td: HTMLTableCellElement, cell: FakeCell): void {
  td.textContent = display(cell.value, cell.numberFormat);
  if (typeof cell.value === "number") td.className = "number";
  if (cell.formula) td.title = cell.formula;
  if (cell.fill) td.style.backgroundColor = cell.fill;
  if (cell.style["font/bold"]) td.style.fontWeight = "600";
  if (cell.style["font/italic"]) td.style.fontStyle = "italic";
  if (typeof cell.style["font/color"] === "string") td.style.color = cell.style["font/color"];
}

/** A number shown roughly as its format would: percentages, fixed decimals, thousands. */
export function display(value: ExcelScalar, numberFormat: string): string {
  if (typeof value !== "number") return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
  const decimals = /0\.(0+)/.exec(numberFormat)?.[1].length ?? (/^0/.test(numberFormat) ? 0 : undefined);
  if (numberFormat.includes("%")) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  if (decimals === undefined) return String(value);
  return numberFormat.includes(",")
    ? value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
}
