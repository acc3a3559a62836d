/**
 * What the scored copy drops without reading it, by the relationships that lead to it: one rule
 * for the copy (src/xlsx/write.ts, summary-parts.ts), which removes these parts, and for
 * `jixiao review`, which writes no copy and checks the whole package as the copy would
 * (Package.checkWhole) but for these parts: a workbook whose only damaged part is one the copy
 * drops (an earlier 综合得分's chart) is copied well by `score`, and reviewed.
 */
import type { SummarySheet } from "../core/summary-types";
import { sheetPartOf } from "./marks-parts";
import { Package, Relationship, RelationshipsPart, SheetParts, workbookParts } from "./package";

/**
 * Of the workbook's relationships, those the copy drops with their parts: the VBA project (an
 * .xlsx cannot hold macros) and, where the copy replaces an earlier summary, the calculation chain,
 * which may name that sheet's formula cells (Excel rebuilds it).
 */
export function droppedFromWorkbook(rels: RelationshipsPart, replacesSummary: boolean): Relationship[] {
  return rels.list.filter((r) => r.type.endsWith("/vbaProject") || (replacesSummary && r.type.endsWith("/calcChain")));
}

/** Of a summary sheet's relationships, those its replacement drops with their parts: its drawings (its chart). */
export function droppedFromSummary(rels: RelationshipsPart): Relationship[] {
  return rels.allOfType("drawing");
}

/** The parts the scored copy of `pkg` with `summary` removes unread, by the two rules above. */
export function partsCopyDrops(pkg: Package, summary: Pick<SummarySheet, "name" | "replaces">): string[] {
  const { workbook, rels } = workbookParts(pkg);
  const replaced = summary.replaces ? new SheetParts(workbook, rels).get(summary.name) : undefined;
  const dropped = [...droppedFromWorkbook(rels, replaced !== undefined), ...(replaced ? droppedFromSummary(sheetPartOf(pkg, replaced).rels) : [])];
  return dropped.flatMap((r) => pkg.partsGoingWith(r.part));
}
