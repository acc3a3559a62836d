/**
 * jixiao's marks and the record that lets it take them back, for both hosts.
 *
 * A mark is a fill over a cell (or the whole merged area it belongs to) plus a note (批注) on its
 * top-left cell that says why: the findings there, or how a value jixiao filled in was computed.
 * The record, kept in the workbook (field `marks` of src/core/state.ts), lists every marked area
 * with the fill each cell had before and the text jixiao added to its note. From it:
 *
 * - a rerun refreshes the marks whose findings remain, and takes back the ones whose findings are
 *   gone, restoring the fills that were there before;
 * - 清除标记 takes them all back, and the values jixiao filled in with them (while the cells still
 *   hold them), so a run plus 清除标记 leaves every value and number format as it was.
 *
 * Notes: a cell's note is the user's own text, if any, then jixiao's text after a blank line. The
 * user's note is never replaced; what jixiao takes back is exactly its own text, so a note the user
 * edited after the run keeps the edit. A fill is taken back only while the cell still shows
 * jixiao's colour: a fill the user chose after the run stays.
 *
 * Fills are "#RRGGBB", null for none, or a host's own token for a fill that is not one solid colour
 * (a pattern, a theme colour): the core only compares and copies them.
 */
import { groupBy } from "./collections";
import { CellValue, MergeRange, SheetGrid, WorkbookGrid, parseRangeAddress, rangeAddress, cellAddress, cellText, viewsByName, SheetView } from "./grid";
import { Lang, SEVERITY_LABEL, counted } from "./messages";
import { BudgetReport, CellMark, CellWrite, Finding, IndicatorReport, Severity, WriteBasis, Worked, severityRank } from "./result";
import { WorkbookState, isEmptyState, parseState, stateJson } from "./state";

/** Every note jixiao writes starts so: readers of the workbook see at once who wrote it. */
export const NOTE_PREFIX = "绩效自评助手：";
/** The fills of marked cells, by the most severe finding there. */
export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
/** The light fill of a cell jixiao filled in (a value, not a finding). */
export const FILLED_COLOR = "#E2EFDA";

export type Fill = string | null;

/** What a cell shows now: its fill and its note's plain text (null for none). */
export interface CellLook {
  fill: Fill;
  note: string | null;
}

/** The current look of a cell; undefined when the host has not read it. */
export type LookAt = (sheet: string, row: number, col: number) => CellLook | undefined;

export type MarkKind = "finding" | "filled";

export interface MarkEntry {
  sheet: string;
  /** "B3", or "B3:C5" for a merged area. */
  area: string;
  kind: MarkKind;
  /** The fill jixiao put on the area. */
  color: string;
  /** The text jixiao added to the note of the area's top-left cell. */
  text: string;
  /** Fills before the mark, row by row over the area; one value when every cell had the same. */
  before: Fill[];
  /** A filled-in cell's value: its mark stays on later runs while the cell still holds it. */
  value?: number;
  /** A filled-in cell's number format before jixiao's value, given back with the blank. */
  format?: string;
  /** The spaces a filled-in cell held before jixiao's value (it read as blank), given back too. */
  was?: string;
  /**
   * A filled-in cell's row as it was when filled in: its label cells by address and the text each
   * showed (rowLabels). Once they show other texts (the user inserted or deleted a row above, so
   * another row now stands at the address), the value there is the user's. Absent in records
   * written before labels were kept, and for a row with no label jixiao knows.
   */
  labels?: Record<string, string>;
}

export interface MarksRecord {
  entries: MarkEntry[];
  /** The summary sheet jixiao wrote last and a digest of its cells, to tell when the user wrote in it. */
  summary: { name: string; digest: string } | null;
}

export const EMPTY_MARKS: MarksRecord = { entries: [], summary: null };

/** A fill to set: one colour over an area. */
export interface FillChange {
  sheet: string;
  area: MergeRange;
  fill: Fill;
}

/** A note to set on one cell; null removes the note. */
export interface NoteChange {
  sheet: string;
  row: number;
  col: number;
  note: string | null;
}

/** A value jixiao filled in, taken back: the cell blank again, with its old number format. */
export interface ValueClear {
  sheet: string;
  row: number;
  col: number;
  numFmt: string;
  /** What the cell held before jixiao's value: the spaces it read as blank, else nothing. */
  was: string | null;
}

export interface MarkPlan {
  fills: FillChange[];
  notes: NoteChange[];
  /** 清除标记 only: the filled-in values taken back. */
  clears: ValueClear[];
  record: MarksRecord;
  /** Areas marked for findings, and cells marked as filled in by jixiao. */
  marked: number;
  filled: number;
  /** Areas whose marks were taken back (their findings are gone, or 清除标记). */
  removed: number;
}

const BASIS: Record<Lang, Record<WriteBasis, string>> = {
  zh: {
    rate: "执行数÷全年预算数",
    "budget-score": "分值×执行率（执行率最高按 100% 计）",
    score: "分值×实际完成值÷年度指标值",
    "score-negative": "分值×年度指标值÷实际完成值（反向指标）",
  },
  en: {
    rate: "spent ÷ planned",
    "budget-score": "weight × execution rate (capped at 100%)",
    score: "weight × actual ÷ target",
    "score-negative": "weight × target ÷ actual (lower is better)",
  },
};

/** The profile's linear negative formula (Worked.linear), in place of score-negative's ratio. */
const LINEAR: Record<Lang, string> = { zh: "分值×(2×年度指标值−实际完成值)÷年度指标值（反向指标）", en: "weight × (2 × target − actual) ÷ target (lower is better)" };

/** Why a filled-in value is not its formula's result (Worked.held). */
const HELD: Record<Lang, Record<"weight" | "rate" | "zero", string>> = {
  zh: { weight: "超过分值", rate: "执行率超过 100%", zero: "低于 0" },
  en: { weight: "above the weight", rate: "rate above 100%", zero: "below 0" },
};

/** A filled-in value's figures as its note gives them: "10×860÷800=10.75，超过分值，按分值 10 计". */
function workedText(w: Worked, lang: Lang): string {
  const zh = lang === "zh";
  if ("met" in w) {
    if (zh) return `实际完成值 ${w.actual} ${w.met ? "" : "未"}达到指标值 ${w.target}，得 ${w.value}`;
    return `actual ${w.actual} ${w.met ? "meets" : "misses"} target ${w.target}, scored ${w.value}`;
  }
  const f = w.figures;
  const terms = w.linear ? `${f[0]}×(2×${f[1]}−${f[2]})÷${f[3]}` : f.length === 2 ? `${f[0]}÷${f[1]}` : `${f[0]}×${f[1]}÷${f[2]}`;
  const held = w.held && (zh ? `，${HELD.zh[w.held]}，按${w.held === "zero" ? "" : "分值"} ${w.value} 计` : `, ${HELD.en[w.held]}, counted at ${w.value}`);
  return `${terms}=${w.result}${held || ""}`;
}

/** The note text for a cell jixiao filled in: how the value was computed, and from which figures. */
export function filledText(basis: WriteBasis | undefined, lang: Lang, worked?: Worked): string {
  const how = worked && "linear" in worked ? LINEAR[lang] : basis ? BASIS[lang][basis] : undefined;
  const figures = worked ? workedText(worked, lang) : "";
  if (lang === "en") return `${NOTE_PREFIX}filled in by jixiao${how ? ` as ${how}` : ""}${figures && `: ${figures}`}`;
  return `${NOTE_PREFIX}由 ${how ?? "绩效自评助手计算"} 补填${figures && `：${figures}`}`;
}

/** The note text for a marked area: its findings, most severe first, one a line. */
export function findingsText(findings: Finding[], lang: Lang): string {
  const lines = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).map((f) => `【${SEVERITY_LABEL[lang][f.severity]}】${f.message}`);
  return `${NOTE_PREFIX}\n${lines.join("\n")}`;
}

/** The user's note with jixiao's text after it. */
export function composeNote(user: string | null, text: string): string {
  return user ? `${user}\n\n${text}` : text;
}

/**
 * The note without jixiao's text: the user's own note, null when none is left. jixiao's text is
 * found wherever it sits: after the user's note (as composeNote put it), or with a remark the user
 * typed after it (where Excel puts the cursor when a note is edited), which stays on its own line.
 * A note that no longer holds the text (the user rewrote it) is the user's.
 */
export function userNote(note: string | null, text: string): string | null {
  if (note === null) return null;
  const at = note.indexOf(text);
  if (at < 0) return note;
  let before = note.slice(0, at);
  if (before.endsWith("\n\n")) before = before.slice(0, -2);
  let after = note.slice(at + text.length);
  while (after.startsWith("\n")) after = after.slice(1);
  return [before, after].filter((part) => part !== "").join("\n") || null;
}

/** The lines jixiao's text is made of after its first: a finding, or how a filled-in value was computed. */
const FINDING_LINE_STARTS = (["zh", "en"] as const).flatMap((lang) => Object.values(SEVERITY_LABEL[lang]).map((label) => `【${label}】`));
/** A line with every number (or percentage) in it the same: a filled-in value's line is known by its shape, whatever its figures. */
const numbersAlike = (line: string): string => line.replace(/-?\d+(\.\d+)?%?/g, "0");
/**
 * How a filled-in value's line reads, its numbers alike (numbersAlike), in every way filledText
 * writes one: each language and basis, without figures (as builds before them wrote it) and with
 * each shape of them.
 */
const FILLED_LINES = new Set(
  (["zh", "en"] as const).flatMap((lang) =>
    [undefined, ...(Object.keys(BASIS[lang]) as WriteBasis[])].flatMap((basis) =>
      [
        undefined,
        ...[true, false].map((met): Worked => ({ actual: "0", target: "0", met, value: "0" })),
        ...[undefined, "weight", "rate", "zero"].flatMap((held) =>
          [["0", "0"], ["0", "0", "0"], ["0", "0", "0", "0"]].map((figures): Worked => ({ figures, result: "0", value: "0", ...(held && { held }), ...(figures.length > 3 && { linear: true }) }) as Worked),
        ),
      ].map((worked) => numbersAlike(filledText(basis, lang, worked).slice(NOTE_PREFIX.length))),
    ),
  ),
);
const isFilledLine = (line: string): boolean => FILLED_LINES.has(numbersAlike(line));
const isJixiaoLine = (line: string): boolean => isFilledLine(line) || FINDING_LINE_STARTS.some((start) => line.startsWith(start));

/**
 * A note without the text jixiao writes, found by its shape where jixiao's record does not say what
 * it wrote (another program saved the workbook without the record's part, or the user copied a
 * marked cell with its note): a paragraph that starts the note or follows a blank line, opens with
 * 绩效自评助手：, and goes on with lines jixiao writes (【错误】… and the like, or 由 … 补填). A line of
 * any other shape after it is the user's and stays. Null when nothing else is left.
 */
export function withoutJixiaoText(note: string | null): string | null {
  if (note === null) return null;
  const lines = note.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    const opens = first.startsWith(NOTE_PREFIX) && (i === 0 || lines[i - 1] === "");
    const rest = first.slice(NOTE_PREFIX.length);
    if (!opens || !(rest === "" || isFilledLine(rest))) {
      kept.push(first);
      continue;
    }
    // The blank line composeNote put between the user's note and jixiao's text goes with it.
    if (kept.at(-1) === "") kept.pop();
    while (i + 1 < lines.length && isJixiaoLine(lines[i + 1])) i++;
  }
  return kept.join("\n") || null;
}

const areaOf = (entry: MarkEntry): MergeRange => parseRangeAddress(entry.area)!;
const areaText = (area: MergeRange): string =>
  area.top === area.bottom && area.left === area.right ? cellAddress(area.top, area.left) : rangeAddress(area);
const entryKey = (sheet: string, area: string): string => `${sheet}\u0000${area}`;

/** One cell of a workbook as a map key. */
export const sheetCellKey = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row},${col}`;

function cellsOf(area: MergeRange): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let row = area.top; row <= area.bottom; row++) for (let col = area.left; col <= area.right; col++) cells.push({ row, col });
  return cells;
}

function lookOf(look: LookAt, sheet: string, row: number, col: number): CellLook {
  const found = look(sheet, row, col);
  if (found === undefined) throw new Error(`marks: the look of ${sheet}!${cellAddress(row, col)} was not read`);
  return found;
}

/** The cells whose look a plan needs: every cell of the areas to mark and of the recorded marks. */
export function cellsToLook(wanted: WantedMark[], previous: MarksRecord): { sheet: string; area: MergeRange }[] {
  return [...wanted.map((w) => ({ sheet: w.sheet, area: w.area })), ...previous.entries.map((e) => ({ sheet: e.sheet, area: areaOf(e) }))];
}

/** A mark an analysis asks for, before it is compared with what the workbook shows. */
export interface WantedMark {
  sheet: string;
  area: MergeRange;
  kind: MarkKind;
  color: string;
  text: string;
  /** The value jixiao writes into a filled-in cell, and the cell's number format and spaces before it. */
  value?: number;
  format?: string;
  was?: string;
  labels?: Record<string, string>;
}

export interface WantedInput {
  marks: Pick<CellMark, "sheet" | "row" | "col" | "severity" | "color">[];
  findings: Finding[];
  writes: CellWrite[];
  /** The values earlier runs filled in that are still jixiao's (ownFillsIn): what each cell was before them is kept. */
  ownFills?: MarkEntry[];
  /** The rows' labels, for the record of each filled-in cell's row (rowLabels); 1-based rows. */
  budget?: Pick<BudgetReport, "sheet" | "row" | "label">[];
  indicators?: Pick<IndicatorReport, "sheet" | "row" | "level1" | "level2" | "name">[];
}

/** The text a cell shows, a merged area's being its top-left cell's. */
const shownText = (view: SheetView, row: number, col: number): string => cellText(view.value(row, col));

/**
 * The labels of a filled-in cell's row: the cells left of it that show its 一级/二级/三级指标 or its
 * budget line's label (a merged 一级指标 counts for each row it spans), by address, with their
 * texts; undefined when none shows one. Those texts stay while the user corrects the row's values
 * (实际完成值, 执行数 …) and change when another row comes to stand at its address.
 */
function rowLabels(view: SheetView, row: number, col: number, texts: string[]): Record<string, string> | undefined {
  const wanted = new Set(texts.filter((text) => text !== ""));
  const labels: Record<string, string> = {};
  for (let c = 0; c < col; c++) {
    const text = shownText(view, row, c);
    if (wanted.has(text)) labels[cellAddress(row, c)] = text;
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

/** Whether a recorded fill's row still shows the labels it had when filled in (one recorded without any: yes). */
function labelsStay(views: ReadonlyMap<string, SheetView>, entry: MarkEntry): boolean {
  if (entry.labels === undefined) return true;
  const view = views.get(entry.sheet);
  return (
    view !== undefined &&
    Object.entries(entry.labels).every(([address, text]) => {
      const at = parseRangeAddress(address);
      return at !== undefined && shownText(view, at.top, at.left) === text;
    })
  );
}

/**
 * The marks an analysis asks for: one per merged area (or cell) that a finding names, coloured by
 * its most severe finding, its note listing every finding in the area; and one per cell jixiao fills
 * in (a cached total of the user's formula is not jixiao's value and gets none). A filled-in cell
 * that is also named by a finding gets the finding's mark, its note saying both. A cell an earlier
 * run filled in (`ownFills`) that is filled in again keeps what it was before that run in the
 * record; one this run does not fill in again is taken back (ownFillsNotRefilled).
 */
export function wantedMarks(analysis: WantedInput, grid: WorkbookGrid, lang: Lang): WantedMark[] {
  const views = viewsByName(grid);
  const own = new Map((analysis.ownFills ?? []).map((e) => [entryKey(e.sheet, e.area), e]));
  const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;
  let labelTexts: Map<string, string[]> | undefined;
  // Built for the first value filled in: the indicators' reports are built when first read.
  const labelTextsAt = (sheet: string, row: number): string[] | undefined =>
    (labelTexts ??= new Map([
      ...(analysis.budget ?? []).map((b): [string, string[]] => [rowKey(b.sheet, b.row - 1), [b.label]]),
      ...(analysis.indicators ?? []).map((i): [string, string[]] => [rowKey(i.sheet, i.row - 1), [i.level1, i.level2, i.name]]),
    ])).get(rowKey(sheet, row));
  const areaAt = (sheet: string, row: number, col: number): MergeRange =>
    views.get(sheet)?.mergeAt(row, col) ?? { top: row, left: col, bottom: row, right: col };
  const wanted = new Map<string, WantedMark & { severity?: Severity; findings: Finding[]; filled: string[] }>();
  const slot = (sheet: string, area: MergeRange, kind: MarkKind, color: string) => {
    const key = entryKey(sheet, areaText(area));
    let mark = wanted.get(key);
    if (!mark) wanted.set(key, (mark = { sheet, area, kind, color, text: "", findings: [], filled: [] }));
    return mark;
  };
  const findingsAt = groupBy(analysis.findings, (f) => `${f.sheet}\u0000${f.cell}`);
  for (const m of analysis.marks) {
    const mark = slot(m.sheet, areaAt(m.sheet, m.row, m.col), "finding", m.color);
    // A merged area's cells are marked one by one: the most severe of them gives the area its colour.
    if (mark.severity === undefined || severityRank(m.severity) < severityRank(mark.severity)) {
      Object.assign(mark, { kind: "finding", color: m.color, severity: m.severity });
    }
    mark.findings.push(...(findingsAt.get(`${m.sheet}\u0000${cellAddress(m.row, m.col)}`) ?? []));
  }
  for (const w of analysis.writes) {
    if (w.cachedResult) continue;
    const area = areaAt(w.sheet, w.row, w.col);
    const mark = slot(w.sheet, area, "filled", FILLED_COLOR);
    mark.filled.push(filledText(w.basis, lang, w.worked));
    mark.value = Number(w.value);
    const view = views.get(w.sheet);
    const texts = labelTextsAt(w.sheet, w.row);
    const labels = view && texts && rowLabels(view, w.row, w.col, texts);
    if (labels) mark.labels = labels;
    // Filled in again over an earlier run's value: what the cell was before that run is kept.
    const earlier = own.get(entryKey(w.sheet, areaText(area)));
    if (earlier) {
      mark.format = earlier.format ?? "General";
      if (earlier.was !== undefined) mark.was = earlier.was;
      continue;
    }
    mark.format = view?.sheet.numFmts[w.row]?.[w.col] ?? "General";
    // A cell jixiao fills reads as blank: one that holds spaces, or an empty text (another program
    // wrote it), keeps them in the record.
    const held = view?.raw(w.row, w.col);
    if (typeof held === "string") mark.was = held;
  }
  return [...wanted.values()].map(({ severity: _severity, findings, filled, ...mark }) => {
    const parts = findings.length > 0 ? [findingsText(findings, lang), ...filled.map((t) => t.slice(NOTE_PREFIX.length))] : filled;
    return { ...mark, text: parts.join("\n") };
  });
}

/** What it takes to put back one recorded mark, as far as the cell still shows it. */
function takeBack(entry: MarkEntry, look: LookAt, fills: FillChange[], notes: NoteChange[]): void {
  const area = areaOf(entry);
  cellsOf(area).forEach(({ row, col }, i) => {
    const now = lookOf(look, entry.sheet, row, col);
    const before = entry.before.length === 1 ? entry.before[0] : entry.before[i] ?? null;
    if (now.fill === entry.color) fills.push({ sheet: entry.sheet, area: { top: row, left: col, bottom: row, right: col }, fill: before });
  });
  const note = lookOf(look, entry.sheet, area.top, area.left).note;
  const user = userNote(note, entry.text);
  if (user !== note) notes.push({ sheet: entry.sheet, row: area.top, col: area.left, note: user });
}

/**
 * The changes that bring the workbook from what it shows (`look`) and what jixiao marked before
 * (`previous`) to the marks `wanted`: stale marks taken back first, then every wanted mark set.
 */
export function planMarks(wanted: WantedMark[], previous: MarksRecord, look: LookAt): MarkPlan {
  const fills: FillChange[] = [];
  const notes: NoteChange[] = [];
  const previousByKey = new Map(previous.entries.map((e) => [entryKey(e.sheet, e.area), e]));
  const wantedKeys = new Set(wanted.map((w) => entryKey(w.sheet, areaText(w.area))));
  let removed = 0;
  for (const entry of previous.entries) {
    if (wantedKeys.has(entryKey(entry.sheet, entry.area))) continue;
    takeBack(entry, look, fills, notes);
    removed++;
  }
  // A cell taken back above may lie in an area marked below: its look is now what was put back.
  const putBack = new Map<string, Fill>();
  for (const change of fills) putBack.set(sheetCellKey(change.sheet, change.area.top, change.area.left), change.fill);
  const notesPutBack = new Map(notes.map((n) => [sheetCellKey(n.sheet, n.row, n.col), n.note]));

  const entries: MarkEntry[] = [];
  for (const mark of wanted) {
    const area = areaText(mark.area);
    const prior = previousByKey.get(entryKey(mark.sheet, area));
    const before = cellsOf(mark.area).map(({ row, col }, i) => {
      const key = sheetCellKey(mark.sheet, row, col);
      const fill = putBack.has(key) ? putBack.get(key)! : lookOf(look, mark.sheet, row, col).fill;
      if (prior && fill === prior.color) return prior.before.length === 1 ? prior.before[0] : prior.before[i] ?? null;
      return fill;
    });
    const topKey = sheetCellKey(mark.sheet, mark.area.top, mark.area.left);
    const note = notesPutBack.has(topKey) ? notesPutBack.get(topKey)! : lookOf(look, mark.sheet, mark.area.top, mark.area.left).note;
    // Without a record of the area, jixiao's text in its note is known by its shape (a record lost).
    const user = prior ? userNote(note, prior.text) : withoutJixiaoText(note);
    const composed = composeNote(user, mark.text);
    fills.push({ sheet: mark.sheet, area: mark.area, fill: mark.color });
    if (composed !== note) notes.push({ sheet: mark.sheet, row: mark.area.top, col: mark.area.left, note: composed });
    entries.push({
      sheet: mark.sheet,
      area,
      kind: mark.kind,
      color: mark.color,
      text: mark.text,
      before: new Set(before).size === 1 ? [before[0]] : before,
      ...(mark.value !== undefined && { value: mark.value }),
      ...(mark.format !== undefined && { format: mark.format }),
      ...(mark.was !== undefined && { was: mark.was }),
      ...(mark.labels !== undefined && { labels: mark.labels }),
    });
  }
  return {
    fills,
    notes: lastPerCell(notes),
    clears: [],
    record: { entries, summary: previous.summary },
    marked: wanted.filter((w) => w.kind === "finding").length,
    filled: wanted.filter((w) => w.kind === "filled").length,
    removed,
  };
}

/** Whether a cell holds this number now, as a value of its own (not a formula's result). */
export type HoldsValue = (sheet: string, row: number, col: number, value: number) => boolean;

/** A cell as a host read it: its value, and whether a formula gives it. */
export interface HeldCell {
  value: CellValue;
  formula: boolean;
}

/**
 * Whether a cell holds this number as a value of its own: not when the user has typed another
 * value over it, or a formula (its result is the user's, even when it is the same number). One
 * rule for every host; `cellAt` is undefined for a cell the host did not read.
 */
export function holdsBy(cellAt: (sheet: string, row: number, col: number) => HeldCell | undefined): HoldsValue {
  return (sheet, row, col, value) => {
    const cell = cellAt(sheet, row, col);
    return cell !== undefined && !cell.formula && cell.value === value;
  };
}

/** Whether a recorded mark is of a value jixiao filled in that is still its own (ownFills). */
export type OwnsFill = (entry: MarkEntry) => boolean;

/** Whether the cell of a recorded filled-in value still holds it: all there is to tell where the record keeps no labels. */
export function holdsFill(holds: HoldsValue): OwnsFill {
  return (entry) => {
    const area = areaOf(entry);
    return entry.value !== undefined && holds(entry.sheet, area.top, area.left, entry.value);
  };
}

/** Over a grid a host read: the cell holds jixiao's value, and its row still shows the labels it had then. */
export function ownsIn(grid: WorkbookGrid): OwnsFill {
  const views = viewsByName(grid);
  const holds = holdsFill(
    holdsBy((sheet, row, col) => {
      const view = views.get(sheet);
      return view && { value: view.raw(row, col), formula: view.isFormula(row, col) };
    }),
  );
  return (entry) => holds(entry) && labelsStay(views, entry);
}

/**
 * The recorded marks of values jixiao filled in that are still its own, not the user's: their cells
 * still hold them, in the rows they were filled in for (a row inserted or deleted above brings
 * another row, with its own labels, to the address; its value is the user's even when it is the
 * same number). A mark whose cell was also named by a finding counts too (its entry keeps the value).
 * Found once per run over the grid a host read (the analysis's `ownFills`), for the analysis, the marks and the writers.
 */
export function ownFillsIn(grid: WorkbookGrid, record: MarksRecord): MarkEntry[] {
  // Most workbooks were never scored: no sheet's view is made for them here.
  if (!record.entries.some((entry) => entry.value !== undefined)) return [];
  return record.entries.filter(ownsIn(grid));
}

/**
 * The workbook as the analysis reads it: each cell an earlier run filled in that is still jixiao's
 * (`ownFills`, ownFillsIn) is as it was before that run (blank, or its spaces, in its number format). A
 * rerun then computes it afresh from what the user has changed since, fills it in again, and raises
 * no finding against jixiao's own number. A value the user typed over it, or a formula, is theirs
 * and is read as it is. The grid itself is not changed (its sheets' views stay true); the sheets
 * with such cells are shallow copies.
 */
export function withoutOwnFills(grid: WorkbookGrid, ownFills: MarkEntry[]): WorkbookGrid {
  if (ownFills.length === 0) return grid;
  const own = groupBy(ownFills, (e) => e.sheet);
  const sheets = grid.sheets.map((sheet): SheetGrid => {
    const entries = own.get(sheet.name);
    if (!entries) return sheet;
    const values = [...sheet.values];
    const numFmts = [...sheet.numFmts];
    for (const entry of entries) {
      const { top: row, left: col } = areaOf(entry);
      values[row] = [...values[row]];
      values[row][col] = entry.was ?? null;
      numFmts[row] = [...(numFmts[row] ?? [])];
      numFmts[row][col] = entry.format;
    }
    return { ...sheet, values, numFmts };
  });
  return { ...grid, sheets };
}

/**
 * The values earlier runs filled in that this run does not fill in again (it read them as blank,
 * withoutOwnFills, and can no longer compute them: the user blanked an input they came from). They
 * are taken back as 清除标记 takes them, with their marks (planMarks), so that the copy does not
 * show a number the analysis did not count.
 */
export function ownFillsNotRefilled(analysis: { ownFills: MarkEntry[]; writes: CellWrite[] }): ValueClear[] {
  const refilled = new Set(analysis.writes.map((w) => sheetCellKey(w.sheet, w.row, w.col)));
  return valueClears(analysis.ownFills).filter((c) => !refilled.has(sheetCellKey(c.sheet, c.row, c.col)));
}

/** The cells of filled-in values blank again, in their number formats from before, or with their spaces back. */
function valueClears(entries: MarkEntry[]): ValueClear[] {
  return entries.map((entry) => {
    const area = areaOf(entry);
    return { sheet: entry.sheet, row: area.top, col: area.left, numFmt: entry.format ?? "General", was: entry.was ?? null };
  });
}

/**
 * The writes that change their cells: all but those of a rerun filling a cell in again with the
 * number jixiao's own value there already is (the analysis read it as blank, withoutOwnFills, and
 * came to the same). Those change nothing, and are not counted or reported as cells filled in.
 */
export function changingWrites(writes: CellWrite[], grid: WorkbookGrid): CellWrite[] {
  const views = viewsByName(grid);
  return writes.filter((w) => w.cachedResult || views.get(w.sheet)?.raw(w.row, w.col) !== Number(w.value));
}

/** 清除标记: every recorded mark taken back, and every value jixiao filled in that is still there. */
export function planClean(previous: MarksRecord, look: LookAt, owns: OwnsFill): MarkPlan {
  const plan = planMarks([], previous, look);
  return { ...plan, clears: valueClears(previous.entries.filter(owns)), record: { entries: [], summary: previous.summary } };
}

/** A note as a host read it. */
export interface CellNote {
  sheet: string;
  row: number;
  col: number;
  note: string;
}

/**
 * 清除标记 for the notes that hold jixiao's text where its record lists no mark (`record`, as read):
 * that text taken away (withoutJixiaoText), the user's own text kept. The fills and values of those
 * cells are left as they are: without the record, nothing tells jixiao's from the user's.
 */
export function unrecordedNotes(notes: CellNote[], record: MarksRecord): NoteChange[] {
  const recorded = new Set(
    record.entries.map((entry) => {
      const area = areaOf(entry);
      return sheetCellKey(entry.sheet, area.top, area.left);
    }),
  );
  const changes: NoteChange[] = [];
  for (const { sheet, row, col, note } of notes) {
    if (recorded.has(sheetCellKey(sheet, row, col))) continue;
    const user = withoutJixiaoText(note);
    if (user !== note) changes.push({ sheet, row, col, note: user });
  }
  return changes;
}

const JIXIAO_FILLS = new Set([...Object.values(MARK_COLORS), FILLED_COLOR].map((color) => color.toUpperCase()));

/**
 * The cells 清除标记 leaves to the user to check where jixiao's record did not cover every run: those
 * whose notes held jixiao's text the record does not list (`unrecorded`, what tells that a record
 * was lost: none, none to check), and those it gives one of jixiao's own fills back to (the fill
 * before a recorded mark was an earlier run's; alone it proves nothing, as Excel's 差 and 适中 cell
 * styles have the same colours). Their fills and values stay; in the sheets' order, row by row.
 */
export function cellsToCheck(unrecorded: NoteChange[], fills: FillChange[], sheets: string[]): { sheet: string; row: number; col: number }[] {
  if (unrecorded.length === 0) return [];
  const cells = new Map<string, { sheet: string; row: number; col: number }>();
  for (const { sheet, row, col } of unrecorded) cells.set(sheetCellKey(sheet, row, col), { sheet, row, col });
  for (const { sheet, area, fill } of fills) {
    if (fill !== null && JIXIAO_FILLS.has(fill.toUpperCase())) for (const cell of cellsOf(area)) cells.set(sheetCellKey(sheet, cell.row, cell.col), { sheet, ...cell });
  }
  const order = new Map(sheets.map((sheet, i) => [sheet, i]));
  return [...cells.values()].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row || a.col - b.col);
}

/** The cells to check named in recordGapText; the rest are counted. */
const CELLS_SHOWN = 10;

/**
 * What 清除标记 tells the user where jixiao's record did not cover every run (both hosts): how many
 * notes lost jixiao's text (unrecordedNotes) and which cells to check (cellsToCheck, as
 * "自评表!H6"), the first ten named.
 */
export function recordGapText(unrecordedNotes: number, toCheck: string[], lang: Lang): string {
  const zh = lang === "zh";
  const more = toCheck.length - CELLS_SHOWN;
  const cells = toCheck.slice(0, CELLS_SHOWN).join(zh ? "、" : ", ") + (more > 0 ? (zh ? ` 等 ${toCheck.length} 处` : ` and ${more} more`) : "");
  const notes =
    unrecordedNotes > 0
      ? zh
        ? `另删去 ${unrecordedNotes} 条批注中绩效自评助手的文字（用户自己的文字保留）；`
        : `jixiao's text was also taken out of ${counted(unrecordedNotes, "note")} (the user's own text kept); `
      : "";
  return zh
    ? `绩效自评助手的记录不全（记录被其他程序删去，或单元格连批注一起复制而来）：${notes}以下单元格的填色和数值无法确认是否为绩效自评助手所填，未改动，请核对：${cells}`
    : `jixiao's record is incomplete (another program dropped it, or cells were copied with their notes): ${notes}whether the fills and values of these cells are jixiao's cannot be told, they are left as they are, please check: ${cells}`;
}

/** One change per cell: a later change to a cell replaces an earlier one. */
function lastPerCell(notes: NoteChange[]): NoteChange[] {
  const byCell = new Map<string, NoteChange>();
  for (const note of notes) {
    const key = sheetCellKey(note.sheet, note.row, note.col);
    byCell.delete(key);
    byCell.set(key, note);
  }
  return [...byCell.values()];
}

// ---------------------------------------------------------------------------------------------
// The record in the workbook's state

const isFill = (value: unknown): value is Fill => value === null || typeof value === "string";

const isLabels = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([address, text]) => parseRangeAddress(address) !== undefined && typeof text === "string");

function isEntry(value: unknown): value is MarkEntry {
  const e = value as MarkEntry;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.sheet === "string" &&
    typeof e.area === "string" &&
    parseRangeAddress(e.area) !== undefined &&
    (e.kind === "finding" || e.kind === "filled") &&
    typeof e.color === "string" &&
    typeof e.text === "string" &&
    Array.isArray(e.before) &&
    e.before.length >= 1 &&
    e.before.every(isFill) &&
    (e.value === undefined || typeof e.value === "number") &&
    (e.format === undefined || typeof e.format === "string") &&
    (e.was === undefined || typeof e.was === "string") &&
    (e.labels === undefined || isLabels(e.labels))
  );
}

/** The marks record of a workbook's state; a damaged one counts as none (it holds no user data). */
export function marksOf(state: WorkbookState): MarksRecord {
  const record = state.marks as MarksRecord | undefined;
  if (typeof record !== "object" || record === null || !Array.isArray(record.entries)) return EMPTY_MARKS;
  const summary = record.summary;
  const summaryOk = typeof summary === "object" && summary !== null && typeof summary.name === "string" && typeof summary.digest === "string";
  return { entries: record.entries.filter(isEntry), summary: summaryOk ? summary : null };
}

/**
 * What 撤销 leaves of jixiao's record: the record as it is now, with the marks as they were before
 * the run (`before`), so findings ignored since the run stay ignored; null when nothing is left.
 */
export function recordAfterUndo(now: WorkbookState, before: WorkbookState): WorkbookState | null {
  const restored: WorkbookState = { ...now };
  delete restored.marks;
  if (before.marks !== undefined) restored.marks = before.marks;
  return isEmptyState(restored) ? null : restored;
}

/**
 * The record with every mark where its note is now. Excel and LibreOffice move a cell's note and
 * fill with it when the user inserts or deletes rows or columns, and keep them when the user renames
 * the sheet, while the record keeps the address and the sheet's name of the run: without this, a
 * rerun would add its text to a note a second time and take jixiao's own fill for the user's, and
 * 清除标记 would leave jixiao's notes and fills and put the user's fills back on other rows.
 *
 * A mark is where a note holds its text (`notes`: every note of the workbook, as read):
 * - a sheet the workbook no longer has was renamed to the sheet no mark names whose notes hold the
 *   most of its marks' texts;
 * - marks of one text in one column are paired in order with the notes there that hold it, when
 *   there are as many;
 * - any other mark whose note no longer holds its text at its address moved to the nearest note
 *   that does in its column (rows inserted or deleted), else in its row (columns), else anywhere on
 *   its sheet, that no other mark holds; its row's labels (a filled-in value's) move with it;
 * - a mark found nowhere stays as recorded (the user deleted its note), unless a moved mark now
 *   stands at its address: its row was deleted with it.
 */
export function followMovedMarks(record: MarksRecord, notes: CellNote[], sheets: string[]): MarksRecord {
  const { followed, changed } = followEach(record, notes, sheets);
  return changed ? { ...record, entries: followed.flatMap((entry) => (entry ? [entry] : [])) } : record;
}

/** Each mark where its note is now, null for one gone with its row (see followMovedMarks). */
export function followEach(record: MarksRecord, notes: CellNote[], sheets: string[]): { followed: (MarkEntry | null)[]; changed: boolean } {
  const notesOf = groupBy(notes, (n) => n.sheet);
  const noteAt = new Map(notes.map((n) => [sheetCellKey(n.sheet, n.row, n.col), n.note]));
  const holds = (entry: MarkEntry, sheet: string, row: number, col: number): boolean => noteAt.get(sheetCellKey(sheet, row, col))?.includes(entry.text) ?? false;
  const renamed = renamedSheets(record, notesOf, sheets);
  const entries = record.entries.map((entry) => (renamed.has(entry.sheet) ? { ...entry, sheet: renamed.get(entry.sheet)! } : entry));
  const taken = new Set<string>();
  const moved: (MarkEntry | null)[] = entries.map(() => null);
  const placed = entries.map(() => false);
  // Marks of one text in one column (values filled in from the same figures) keep their order: rows inserted
  // or deleted move them all alike. Paired in order when as many notes there hold the text.
  for (const group of groupBy(
    entries.flatMap((entry, i) => (entry.text === "" ? [] : [{ entry, i, area: areaOf(entry) }])),
    ({ entry, area }) => `${entry.sheet}\u0000${area.left}\u0000${entry.text}`,
  ).values()) {
    const { entry, area } = group[0];
    const there = (notesOf.get(entry.sheet) ?? []).filter((n) => n.col === area.left && n.note.includes(entry.text)).sort((a, b) => a.row - b.row);
    if (there.length !== group.length) continue;
    group.sort((a, b) => a.area.top - b.area.top);
    group.forEach(({ entry, i, area }, k) => {
      taken.add(sheetCellKey(there[k].sheet, there[k].row, there[k].col));
      if (there[k].row === area.top) placed[i] = true;
      else moved[i] = shifted(entry, there[k].row - area.top, 0);
    });
  }
  entries.forEach((entry, i) => {
    if (placed[i] || moved[i] || entry.text === "") return;
    const area = areaOf(entry);
    if (holds(entry, entry.sheet, area.top, area.left) && !taken.has(topKey(entry))) {
      placed[i] = true;
      taken.add(topKey(entry));
    }
  });
  entries.forEach((entry, i) => {
    if (placed[i] || moved[i] || entry.text === "") return;
    const area = areaOf(entry);
    // The nearest note that holds its text and no other mark holds: in its column (rows moved),
    // else its row (columns moved), else anywhere on the sheet (both).
    const distance = (n: CellNote) => (n.col === area.left ? 0 : n.row === area.top ? 1_000_000 : 2_000_000) + Math.abs(n.row - area.top) + Math.abs(n.col - area.left);
    const nearest = (notesOf.get(entry.sheet) ?? [])
      .filter((n) => n.note.includes(entry.text) && !taken.has(sheetCellKey(n.sheet, n.row, n.col)))
      .sort((a, b) => distance(a) - distance(b))[0];
    if (!nearest) return;
    taken.add(sheetCellKey(nearest.sheet, nearest.row, nearest.col));
    moved[i] = shifted(entry, nearest.row - area.top, nearest.col - area.left);
  });
  const movedTo = new Set(moved.flatMap((entry) => (entry ? [topKey(entry)] : [])));
  const followed = entries.map((entry, i) => {
    if (moved[i]) return moved[i];
    // Found nowhere, with a moved mark at its address: its row or column was deleted.
    return !placed[i] && movedTo.has(topKey(entry)) ? null : entry;
  });
  const changed = renamed.size > 0 || followed.some((entry, i) => entry !== entries[i]);
  return { followed, changed };
}

/** Whether a record's text lists any mark: only then do its marks need their notes read to be followed. */
export function recordsMarks(stateText: string | undefined): boolean {
  return marksOf(parseState(stateText)).entries.length > 0;
}

/**
 * A record's text with its marks where their notes are now (followMovedMarks), as both hosts read
 * it; the text as it was when nothing moved.
 */
export function followedStateText(stateText: string, notes: CellNote[], sheets: string[]): string {
  const state = parseState(stateText);
  const record = marksOf(state);
  const followed = followMovedMarks(record, notes, sheets);
  return followed === record ? stateText : stateJson(withMarks(state, followed));
}

const topKey = (entry: MarkEntry): string => {
  const area = areaOf(entry);
  return sheetCellKey(entry.sheet, area.top, area.left);
};

/**
 * The mark `rows` down and `cols` right, its row's labels down with it. Moved across columns, a
 * column was inserted or deleted somewhere left of it, maybe between it and its labels: they are
 * no longer told (a value recorded without labels is jixiao's while the cell holds it).
 */
function shifted(entry: MarkEntry, rows: number, cols: number): MarkEntry {
  const move = (address: string, by: number) => {
    const area = parseRangeAddress(address)!;
    return areaText({ top: area.top + rows, bottom: area.bottom + rows, left: area.left + by, right: area.right + by });
  };
  const { labels, ...rest } = entry;
  const movedLabels = labels && cols === 0 ? Object.fromEntries(Object.entries(labels).map(([address, text]) => [move(address, 0), text])) : undefined;
  return { ...rest, area: move(entry.area, cols), ...(movedLabels && { labels: movedLabels }) };
}

/** Recorded sheets the workbook no longer has, each to the unnamed sheet whose notes hold the most of its marks' texts. */
function renamedSheets(record: MarksRecord, notesOf: Map<string, CellNote[]>, sheets: string[]): Map<string, string> {
  const present = new Set(sheets);
  const named = new Set(record.entries.map((e) => e.sheet));
  const unnamed = sheets.filter((sheet) => !named.has(sheet));
  const renamed = new Map<string, string>();
  for (const [sheet, entries] of groupBy(record.entries, (e) => e.sheet)) {
    if (present.has(sheet)) continue;
    let best: { sheet: string; found: number } | null = null;
    for (const candidate of unnamed) {
      const texts = (notesOf.get(candidate) ?? []).map((n) => n.note);
      const found = entries.filter((e) => e.text !== "" && texts.some((note) => note.includes(e.text))).length;
      if (found > 0 && found > (best?.found ?? 0)) best = { sheet: candidate, found };
    }
    if (best) {
      renamed.set(sheet, best.sheet);
      unnamed.splice(unnamed.indexOf(best.sheet), 1);
    }
  }
  return renamed;
}

/** The record without the marks on sheets the workbook no longer has: they went with their sheets. */
export function marksOnSheets(record: MarksRecord, sheets: string[]): MarksRecord {
  const present = new Set(sheets);
  return { ...record, entries: record.entries.filter((e) => present.has(e.sheet)) };
}

/** The state with `record` as its marks; none kept when the record holds no mark and no summary (after 清除标记). */
export function withMarks(state: WorkbookState, record: MarksRecord): WorkbookState {
  const next: WorkbookState = { ...state };
  delete next.marks;
  if (record.entries.length > 0 || record.summary !== null) next.marks = record;
  return next;
}
