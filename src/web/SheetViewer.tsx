/**
 * 查看工作表: a file's sheets with tables as the scored copy shows them (src/core/sheet-display.ts),
 * as an HTML table with row numbers and column letters. Marked cells carry the copy's fill, a
 * corner flag as its note does in Excel, and the note as their title and accessible description;
 * each is reachable with Tab. A finding chosen in the results view opens the view at its cell.
 */
import * as React from "react";
import { Label, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, cellAddress } from "../core/grid";
import type { Finding } from "../core/result";
import { FILLED_COLOR, MARK_COLORS } from "../core/marks";
import type { SheetDisplay, ShownCell, ShownMark } from "../core/sheet-display";
import type { SheetStrings } from "./strings";

/** A cell to show, from a finding chosen in the results view; `seq` tells a second click on the same cell from none. */
export interface SheetTarget extends Pick<Finding, "sheet" | "cell" | "row" | "col"> {
  seq: number;
}

const MARK_ORDER: ShownMark[] = ["error", "warning", "info", "filled"];
// Text on these fills is the page's dark text (#242424): from 12.9:1 (#FFC7CE) to 14.4:1 (#E2EFDA).
const FILL: Record<ShownMark, string> = { ...MARK_COLORS, filled: FILLED_COLOR };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  picker: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  legend: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  legendItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "14px", height: "14px", border: `1px solid ${tokens.colorNeutralStroke1}` },
  scroller: { maxHeight: "70vh", overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  grid: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    position: "sticky",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    zIndex: 1,
  },
  columnHeader: { top: 0, minWidth: "3em" },
  rowHeader: { left: 0, textAlign: "right" },
  corner: { top: 0, left: 0, zIndex: 2 },
  cell: {
    position: "relative",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    maxWidth: "22em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    verticalAlign: "middle",
  },
  numeric: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Not by colour alone: a marked cell has a corner flag, as a cell with a note has in Excel.
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: `7px solid ${tokens.colorNeutralForeground1}`,
      borderLeft: "7px solid transparent",
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  error: { backgroundColor: FILL.error },
  warning: { backgroundColor: FILL.warning },
  info: { backgroundColor: FILL.info },
  filled: { backgroundColor: FILL.filled },
  // The cell chosen in the results view: a brand-blue frame (4.9:1 against white).
  selected: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-3px" },
});

/** Whether `cell` (its merged area) covers the sheet's `row`, `col`. */
const covers = (cell: ShownCell, row: number, col: number) =>
  cell.row <= row && row < cell.row + (cell.rowSpan ?? 1) && cell.col <= col && col < cell.col + (cell.colSpan ?? 1);

const SheetTable: React.FC<{ display: SheetDisplay; strings: SheetStrings; selected: ShownCell | undefined; seq: number }> = ({ display, strings, selected, seq }) => {
  const styles = useStyles();
  const idPrefix = React.useId();
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  const { window: w } = display;

  React.useEffect(() => {
    // A finding chosen in the results view: bring its cell into view and give it the focus, which reads its note.
    if (seq === 0 || !selectedRef.current) return;
    selectedRef.current.scrollIntoView({ block: "center", inline: "center" });
    selectedRef.current.focus({ preventScroll: true });
  }, [seq, selected]);

  const byRow = new Map<number, Map<number, ShownCell>>();
  // The cells inside a merged area, past its first: the area's own cell stands for them.
  const covered = new Set<string>();
  // A selected blank cell is drawn with the cells shown.
  const cells = selected && !display.cells.includes(selected) ? [...display.cells, selected] : display.cells;
  for (const cell of cells) {
    if (!byRow.has(cell.row)) byRow.set(cell.row, new Map());
    byRow.get(cell.row)!.set(cell.col, cell);
    for (let r = cell.row; r < cell.row + (cell.rowSpan ?? 1); r++) {
      for (let c = cell.col; c < cell.col + (cell.colSpan ?? 1); c++) if (r !== cell.row || c !== cell.col) covered.add(`${r},${c}`);
    }
  }
  const columns: number[] = [];
  for (let col = w.left; col <= w.right; col++) columns.push(col);
  const noteId = (cell: ShownCell) => `${idPrefix}-${cell.row}-${cell.col}`;
  const noted = display.cells.filter((c) => c.note);

  const rows: React.ReactNode[] = [];
  for (let row = w.top; row <= w.bottom; row++) {
    const tds: React.ReactNode[] = [];
    for (const col of columns) {
      const cell = byRow.get(row)?.get(col);
      if (!cell) {
        if (!covered.has(`${row},${col}`)) tds.push(<td key={col} className={styles.cell} />);
        continue;
      }
      const isSelected = cell === selected;
      tds.push(
        <td
          key={col}
          ref={isSelected ? selectedRef : undefined}
          rowSpan={cell.rowSpan}
          colSpan={cell.colSpan}
          className={mergeClasses(styles.cell, cell.numeric && styles.numeric, cell.mark && styles[cell.mark], cell.note && styles.noted, isSelected && styles.selected)}
          data-cell={cellAddress(cell.row, cell.col)}
          data-mark={cell.mark}
          data-selected={isSelected ? "" : undefined}
          tabIndex={cell.note ? 0 : isSelected ? -1 : undefined}
          title={cell.note}
          aria-describedby={cell.note ? noteId(cell) : undefined}
        >
          {cell.text}
        </td>,
      );
    }
    rows.push(
      <tr key={row}>
        <th scope="row" className={mergeClasses(styles.header, styles.rowHeader)}>
          {row + 1}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    <div className={styles.scroller} role="region" aria-label={strings.tableLabel(display.sheet)} tabIndex={0}>
      <table className={styles.grid} aria-label={strings.tableLabel(display.sheet)}>
        <thead>
          <tr>
            <td className={mergeClasses(styles.header, styles.columnHeader, styles.corner)} />
            {columns.map((col) => (
              <th key={col} scope="col" className={mergeClasses(styles.header, styles.columnHeader)}>
                {columnLetters(col)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      {/* The notes the marked cells are described by (each line names its severity, or says how a value was filled in). */}
      <div hidden>
        {noted.map((cell) => (
          <span key={noteId(cell)} id={noteId(cell)}>
            {cell.note}
          </span>
        ))}
      </div>
    </div>
  );
};

/**
 * Which shown cell a target address falls in (its merged area's), if the window holds it. A blank
 * cell is not among the cells shown (a missing reason, with marking off): it is selected as the
 * blank it is.
 */
function shownCellAt(display: SheetDisplay | undefined, at: { row: number; col: number }): ShownCell | undefined {
  if (!display) return undefined;
  const shown = display.cells.find((c) => covers(c, at.row, at.col));
  if (shown) return shown;
  const w = display.window;
  return at.row >= w.top && at.row <= w.bottom && at.col >= w.left && at.col <= w.right ? { row: at.row, col: at.col, text: "" } : undefined;
}

const SheetViewer: React.FC<{ sheets: SheetDisplay[]; strings: SheetStrings; target: SheetTarget | null }> = ({ sheets, strings, target }) => {
  const styles = useStyles();
  const pickerId = React.useId();
  const [open, setOpen] = React.useState(false);
  const [chosen, setChosen] = React.useState(sheets[0]?.sheet);
  // A finding chosen from now on opens the view on its sheet (state adjusted while rendering, as
  // React advises); one chosen before this view existed (before a rescore) is not acted on again.
  const [seen, setSeen] = React.useState(target?.seq ?? 0);
  const [shown, setShown] = React.useState<SheetTarget | null>(null);
  if (target && target.seq !== seen) {
    setSeen(target.seq);
    setShown(target);
    setOpen(true);
    if (sheets.some((s) => s.sheet === target.sheet)) setChosen(target.sheet);
  }

  const display = sheets.find((s) => s.sheet === chosen) ?? sheets[0];
  const aimed = shown && shown.sheet === display?.sheet ? shown : null;
  const selected = aimed ? shownCellAt(display, aimed) : undefined;
  // Said when the chosen finding's cell cannot be shown: its sheet holds no table, or the window cut it.
  const missed = shown && (!sheets.some((s) => s.sheet === shown.sheet) || (aimed && !selected)) ? shown : null;
  const w = display?.window;
  const cut = display && (w.top > 0 || w.left > 0 || w.bottom + 1 < display.rows || w.right + 1 < display.cols);

  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="sheet-view">
      <summary className={styles.summary}>{strings.title}</summary>
      {open && display && (
        <div className={styles.root}>
          {sheets.length > 1 && (
            <div className={styles.picker}>
              <Label htmlFor={pickerId}>{strings.pick}</Label>
              <Select id={pickerId} value={display.sheet} onChange={(_, data) => setChosen(data.value)}>
                {sheets.map((s) => (
                  <option key={s.sheet} value={s.sheet}>
                    {s.sheet}
                  </option>
                ))}
              </Select>
            </div>
          )}
          <ul className={styles.legend} aria-label={strings.legendTitle}>
            {MARK_ORDER.map((mark) => (
              <li key={mark} className={styles.legendItem}>
                <span className={styles.swatch} style={{ backgroundColor: FILL[mark] }} aria-hidden />
                <Text size={200}>{strings.legend[mark]}</Text>
              </li>
            ))}
          </ul>
          {cut && (
            <Text size={200} data-testid="sheet-cut">
              {strings.cut(`${w.top + 1}–${w.bottom + 1}`, `${columnLetters(w.left)}–${columnLetters(w.right)}`, display.rows, display.cols)}
            </Text>
          )}
          {missed && (
            <Text size={200} role="status" data-testid="sheet-missed">
              {strings.outside(`${missed.sheet}!${missed.cell}`)}
            </Text>
          )}
          <SheetTable key={display.sheet} display={display} strings={strings} selected={selected} seq={aimed?.seq ?? 0} />
        </div>
      )}
    </details>
  );
};

export default SheetViewer;
