/**
 * Findings the unit chose to set aside, with a reason: the `ignores` field of jixiao's record in the
 * workbook (state.ts). A record names its finding by rule, table and row label, never by cell, so
 * it still matches after rows are inserted above: the table by its 项目名称/单位名称 (or, without one,
 * by its sheet and its place among that sheet's tables), the row by its indicator or budget line
 * (or the first text on the row, for a header or total row). Two findings of one rule on one row
 * are ignored together.
 *
 * Both hosts honour the record the same way: analyze() moves matching findings out of `findings`
 * (and out of the marks, the counts and the summary's findings table) into `ignored`.
 */
import { rangeLabel } from "./detect";
import { SheetView, WorkbookGrid, viewsByName } from "./grid";
import { AnalysisResult, Finding, RuleId, TableReport } from "./result";
import { WorkbookState } from "./state";
import { TableOwners } from "./table-owner";

export interface IgnoreRecord {
  rule: RuleId;
  /** The table's key (see tableKey). */
  table: string;
  /** The row's label (see placeFindings). */
  row: string;
  reason: string;
  /** When it was set aside (ISO date), for people reading the record. */
  at?: string;
}

/** Where a finding sits, in the words an ignore record uses. */
export interface FindingPlace {
  /** Index into the analysis's tables (its form: TableOwners.formOf); null on a sheet without tables. */
  table: number | null;
  tableKey: string;
  rowLabel: string;
  /**
   * Where records made before review round 53 place it, when that is elsewhere (the table starting
   * closest above it in other columns, or its sheet for a cell above every table): such a record
   * still sets it aside. New records take `tableKey` and `rowLabel`.
   */
  earlier?: Pick<FindingPlace, "tableKey" | "rowLabel">;
}

export interface IgnoredFinding extends Finding {
  reason: string;
  place: FindingPlace;
}

const KIND_ZH = { budget: "预算表", indicators: "指标表" } as const;

/**
 * A table's key: its label when the form names one, with its sheet when another table of its kind
 * on another sheet has the same label (a quarterly and a yearly form of one project: review round
 * 33); else its sheet and its place on it (指标表2); never its range, which moves when rows are
 * inserted above.
 */
export function tableKey(tables: TableReport[], index: number): string {
  const table = tables[index];
  if (table.label !== rangeLabel(table.sheet, table.range)) {
    const shared = tables.some((t) => t.kind === table.kind && t.label === table.label && t.sheet !== table.sheet);
    return shared ? `${table.sheet}·${table.label}` : table.label;
  }
  const ordinal = tables.slice(0, index + 1).filter((t) => t.sheet === table.sheet && t.kind === table.kind).length;
  return `${table.sheet}·${KIND_ZH[table.kind]}${ordinal}`;
}

type Placeable = Pick<AnalysisResult, "findings" | "tables" | "budget" | "indicators">;

/** The first text on a row from a column on (a header or total row's own words), "" for none. */
function rowText(view: SheetView | undefined, row: number, from: number): string {
  if (!view) return "";
  for (let col = from; col < view.colCount; col++) {
    const text = view.text(row, col);
    if (text !== "" && Number.isNaN(Number(text))) return text;
  }
  return "";
}

/** Each finding's table and row label, in the order of `analysis.findings`. */
export function placeFindings(analysis: Placeable, grid: WorkbookGrid): FindingPlace[] {
  const views = viewsByName(grid);
  const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;
  const labels = new Map<string, string>();
  for (const line of analysis.budget) labels.set(rowKey(line.sheet, line.row), line.label);
  for (const i of analysis.indicators) labels.set(rowKey(i.sheet, i.row), [i.level1, i.level2, i.name].filter((s) => s !== "").join(" / "));
  const owners = new TableOwners(analysis.tables);
  // The table's key and the row's label of a finding placed in a table (null: its sheet).
  const placeIn = (finding: Finding, table: number | null): Pick<FindingPlace, "tableKey" | "rowLabel"> => {
    const left = table === null ? 0 : owners.range(table)!.left;
    const rowLabel = labels.get(rowKey(finding.sheet, finding.row + 1)) ?? rowText(views.get(finding.sheet), finding.row, left);
    return { tableKey: table === null ? finding.sheet : tableKey(analysis.tables, table), rowLabel: rowLabel || finding.cell };
  };

  return analysis.findings.map((finding) => {
    const table = owners.formOf(finding.sheet, finding.row, finding.col);
    const place = { table, ...placeIn(finding, table) };
    // Records made before review round 53 placed a finding outside every table in the one starting
    // closest above it, in any columns, and one above every table of its sheet in none (its sheet).
    const earlier = placeIn(finding, owners.formerOwnerOf(finding.sheet, finding.row, finding.col));
    return earlier.tableKey === place.tableKey && earlier.rowLabel === place.rowLabel ? place : { ...place, earlier };
  });
}

/**
 * The key a record matches a finding by. The row's label is compared without white space: earlier
 * builds wrote a label broken over lines as it stood (产 出 指 标 for a vertical 一级, 数量⏎指标),
 * which jixiao now joins (layoutJoined), and their records still hold (review 55 H1).
 */
export function ignoreKey(rule: RuleId, place: Pick<FindingPlace, "tableKey" | "rowLabel">): string {
  return `${rule}\u0000${place.tableKey}\u0000${place.rowLabel.replace(/\s+/g, "")}`;
}

const recordKey = (record: IgnoreRecord) => ignoreKey(record.rule, { tableKey: record.table, rowLabel: record.row });

/** The ignore records of a workbook record; malformed entries (a hand-edited part) are dropped. */
export function ignoresOf(state: WorkbookState): IgnoreRecord[] {
  const list = state.ignores;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (r): r is IgnoreRecord =>
      typeof r === "object" && r !== null && typeof r.rule === "string" && typeof r.table === "string" && typeof r.row === "string" && typeof r.reason === "string",
  );
}

/** The record for setting a finding aside. */
export function ignoreRecord(finding: Finding, place: FindingPlace, reason: string, at: Date = new Date()): IgnoreRecord {
  return { rule: finding.rule, table: place.tableKey, row: place.rowLabel, reason: reason.trim(), at: at.toISOString().slice(0, 10) };
}

/** The workbook record with this ignore added (replacing one with the same key). */
export function withIgnore(state: WorkbookState, record: IgnoreRecord): WorkbookState {
  const key = recordKey(record);
  return { ...state, ignores: [...ignoresOf(state).filter((r) => recordKey(r) !== key), record] };
}

/** The workbook record without the ignore of this finding (taking it back). */
export function withoutIgnore(state: WorkbookState, rule: RuleId, place: Pick<FindingPlace, "tableKey" | "rowLabel">): WorkbookState {
  const key = ignoreKey(rule, place);
  return { ...state, ignores: ignoresOf(state).filter((r) => recordKey(r) !== key) };
}

/** Which findings stay and which are set aside (with their reasons), in the findings' order. */
export function splitIgnored(
  findings: Finding[],
  places: FindingPlace[],
  records: IgnoreRecord[],
): { active: number[]; ignored: IgnoredFinding[] } {
  const byKey = new Map(records.map((r) => [recordKey(r), r]));
  const active: number[] = [];
  const ignored: IgnoredFinding[] = [];
  findings.forEach((finding, index) => {
    // A record made while another sheet had the same form (its key names the sheet) still holds
    // once that sheet is gone and the key is the label alone (review round 37), and so does one
    // made before the finding's form was told as now (FindingPlace.earlier); the finding keeps the
    // record's key and row, so that taking the ignore back, or giving another reason, finds the record.
    const { table, earlier } = places[index];
    const place = [places[index], ...(earlier ? [{ table, ...earlier }] : [])]
      .flatMap((p) => [p, { ...p, tableKey: `${finding.sheet}·${p.tableKey}` }])
      .find((p) => byKey.has(ignoreKey(finding.rule, p)));
    const record = place && byKey.get(ignoreKey(finding.rule, place))!;
    if (record === undefined) active.push(index);
    else ignored.push({ ...finding, reason: record.reason, place: { ...place!, rowLabel: record.row } });
  });
  return { active, ignored };
}
