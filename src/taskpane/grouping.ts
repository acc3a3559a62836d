/**
 * How the pane lays out findings the way an accountant reads a workbook: one section per table (by
 * its 项目名称 / 单位名称) with its total, grade and counts; in it, the findings of one row in one
 * card; a message repeated across many rows (41 × 目标写成 ≥100%) collapsed into one entry.
 * Pure functions over a Results, so the layout is tested without rendering.
 */
import { groupBy } from "../core/collections";
import type { Fix } from "../core/fixes";
import type { FindingPlace } from "../core/ignores";
import type { Lang } from "../core/messages";
import { ruleName } from "../core/rule-names";
import { Finding, RuleId, Severity, TableReport, TotalReport, formLabels, totalIndexOf } from "../core/result";
import type { Results } from "./pane-host";

/** A message shared by this many findings of a table becomes one collapsed entry. */
export const COLLAPSE_AT = 3;

export interface FindingItem {
  /** Index into Results.findings. */
  index: number;
  finding: Finding;
  place: FindingPlace;
  fix: Fix | undefined;
}

/** The findings of one row of a table. */
export interface RowCard {
  key: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  label: string;
  items: FindingItem[];
}

/** One message repeated on many rows. */
export interface CollapsedEntry {
  key: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  items: FindingItem[];
}

export interface TableSection {
  key: string;
  title: string;
  sheet: string;
  table: TableReport | null;
  /** The table's total; null for a budget table, a target table or findings outside tables. */
  total: TotalReport | null;
  /** An indicator table without a total: a target table, checked and not scored. */
  targetsOnly: boolean;
  /** Counts of all the section's findings, before search and toggles. */
  counts: Record<Severity, number>;
  collapsed: CollapsedEntry[];
  rows: RowCard[];
  /** The fixes among the shown findings, for 全部采用. */
  fixes: Fix[];
}

export interface FindingFilter {
  query: string;
  shown: Record<Severity, boolean>;
  rule: RuleId | "";
}

export const NO_FILTER: FindingFilter = { query: "", shown: { error: true, warning: true, info: true }, rule: "" };

/** The total of each table (null where it has none: an indicator table without a total holds targets). */
export function tableTotals(tables: TableReport[], totals: TotalReport[]): (TotalReport | null)[] {
  return tables.map((table) => (table.kind === "indicators" ? (totals[totalIndexOf(table, totals)] ?? null) : null));
}

function matches(item: FindingItem, query: string, lang: Lang): boolean {
  if (query === "") return true;
  const { finding, place } = item;
  const haystack = [finding.message, finding.rule, ruleName(finding.rule, lang), finding.cell, finding.sheet, place.rowLabel, place.tableKey]
    .join("\n")
    .toLowerCase();
  return haystack.includes(query);
}

const rowOf = (finding: Finding) => finding.row + 1;

/** The shown findings, by table then row, with repeated messages collapsed. */
export function groupFindings(results: Results, filter: FindingFilter, lang: Lang): TableSection[] {
  const fixes = new Map(results.fixes.map((fix) => [fix.finding, fix]));
  const totals = tableTotals(results.tables, results.totals);
  const query = filter.query.trim().toLowerCase();
  const sections = new Map<string, { section: TableSection; items: FindingItem[] }>();
  const titles = formLabels(results.tables);

  const sectionFor = (place: FindingPlace, finding: Finding) => {
    const key = place.table === null ? `sheet:${finding.sheet}` : `table:${place.table}`;
    let entry = sections.get(key);
    if (!entry) {
      const table = place.table === null ? null : results.tables[place.table];
      const total = place.table === null ? null : totals[place.table];
      entry = {
        section: {
          key,
          // The table's own label (its 项目名称, else its sheet and range; with its sheet where a
          // form on another sheet has the same); outside tables, the sheet.
          title: place.table === null ? place.tableKey : titles[place.table],
          sheet: finding.sheet,
          table,
          total,
          targetsOnly: table?.kind === "indicators" && total === null,
          counts: { error: 0, warning: 0, info: 0 },
          collapsed: [],
          rows: [],
          fixes: [],
        },
        items: [],
      };
      sections.set(key, entry);
    }
    return entry;
  };

  results.findings.forEach((finding, index) => {
    const place = results.places[index];
    const entry = sectionFor(place, finding);
    entry.section.counts[finding.severity]++;
    const item = { index, finding, place, fix: fixes.get(index) };
    if (filter.shown[finding.severity] && (filter.rule === "" || filter.rule === finding.rule) && matches(item, query, lang)) {
      entry.items.push(item);
    }
  });

  // Sections come in the order of their first finding: findings arrive by sheet, then row.
  return [...sections.values()]
    .filter(({ items }) => items.length > 0)
    .map(({ section, items }) => {
      const byMessage = groupBy(items, (item) => item.finding.message);
      const rows = new Map<number, RowCard>();
      for (const item of items) {
        const same = byMessage.get(item.finding.message)!;
        if (same.length >= COLLAPSE_AT) continue;
        const row = rowOf(item.finding);
        let card = rows.get(row);
        if (!card) rows.set(row, (card = { key: `${section.key}:${row}`, sheet: item.finding.sheet, row, label: item.place.rowLabel, items: [] }));
        card.items.push(item);
      }
      const collapsed = [...byMessage.values()]
        .filter((same) => same.length >= COLLAPSE_AT)
        .map((same) => ({
          key: `${section.key}:${same[0].finding.rule}:${same[0].index}`,
          rule: same[0].finding.rule,
          severity: same[0].finding.severity,
          message: same[0].finding.message,
          items: same,
        }));
      return {
        ...section,
        collapsed,
        rows: [...rows.values()].sort((a, b) => a.row - b.row),
        fixes: items.flatMap((item) => (item.fix ? [item.fix] : [])),
      };
    });
}
