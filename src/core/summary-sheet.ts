/**
 * The 综合得分 sheet as jixiao names, marks and digests it: how a run, 撤销 and 清除标记 know a sheet as
 * jixiao's own, and the sheet name a new one takes. Apart from its layout (./summary.ts), which the
 * task pane fetches after its first load (src/taskpane/office-host.ts): every pane needs these at once.
 */
import { SheetGrid, cellText, sameSheetName } from "./grid";
import type { Lang } from "./messages";
import type { SummarySheet } from "./summary-types";

export const SUMMARY_SHEET_NAME = "综合得分";
/** Written at the foot of every summary sheet, in its language; how a later run knows the sheet is its own. */
export const SUMMARY_MARKERS: Record<Lang, string> = {
  zh: "本表由绩效自评助手（jixiao）生成；未经改动时，重新计算会替换本表。",
  en: "This sheet was made by the self-evaluation assistant (jixiao); unless edited, the next recalculation replaces it.",
};
/** The markers of this and earlier versions, all still recognised. */
const MARKER_TEXTS = new Set([...Object.values(SUMMARY_MARKERS), "本表由绩效自评助手（jixiao）生成，重新计算时会被替换。"]);

/** The older summary sheet a recalculation in Excel replaced, kept very hidden while its run can be
 * undone (a second one is "jixiao.undo.summary.2", and so on). Every reader skips them: they are
 * not the user's data. */
export const UNDO_BACKUP_SHEET = "jixiao.undo.summary";

export function isBackupSheet(name: string): boolean {
  return name === UNDO_BACKUP_SHEET || name.startsWith(`${UNDO_BACKUP_SHEET}.`);
}

/**
 * Sheets a program keeps for itself, hidden, which are not the user's forms: WPS 2019's very hidden,
 * empty WpsReserved_CellImgList (its store for pictures in cells, review round 53c L6) and the other
 * WpsReserved_ sheets WPS names so. Not named as hidden sheets left unchecked.
 */
const PRODUCERS_SHEETS = [/^WpsReserved_/i];

/** The hidden sheets not checked that are the user's: not jixiao's own summaries, nor a program's (PRODUCERS_SHEETS). */
export function uncheckedHiddenSheets(sheets: SheetGrid[]): string[] {
  return sheets.filter((s) => s.hidden && !PRODUCERS_SHEETS.some((name) => name.test(s.name)) && !isJixiaoSummary(s)).map((s) => s.name);
}

export function isJixiaoSummary(sheet: SheetGrid): boolean {
  if (isBackupSheet(sheet.name)) return true;
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    // Only a text can be the marker: a number's, a date's or an error's text is never looked up.
    const value = sheet.values[r]?.[0];
    if (typeof value === "string" && MARKER_TEXTS.has(cellText(value))) return true;
  }
  return false;
}

/** 综合得分, 综合得分(2), (3)…: the n-th name a summary sheet may take. */
function summaryName(n: number): string {
  return n === 1 ? SUMMARY_SHEET_NAME : `${SUMMARY_SHEET_NAME}(${n})`;
}

/**
 * A short fingerprint of cell texts ("row,col=text" lines), to tell whether a sheet was edited,
 * taken a line at a time: the lines of a large summary (100,000 cells) are never all held at once.
 */
class Digest {
  // Two 32-bit FNV-1a hashes with different seeds: cheap, and a chance edit never matches both.
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  add(line: string): void {
    let { a, b } = this;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 10, 0x01000193);
    this.b = b;
  }

  toString(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}

/** The digest of a summary as jixiao writes it: numbers as the double a host stores. */
export function summaryDigest(summary: Pick<SummarySheet, "cells">): string {
  const digest = new Digest();
  for (const cell of [...summary.cells].sort((x, y) => x.row - y.row || x.col - y.col)) {
    digest.add(`${cell.row},${cell.col}=${cell.isNumber ? String(Number(cell.value)) : cell.value}`);
  }
  return digest.toString();
}

/** The digest of a text (a part jixiao wrote, to tell whether another program rewrote it since). */
export function textDigest(text: string): string {
  const digest = new Digest();
  digest.add(text);
  return digest.toString();
}

/** The digest of a summary sheet as a host read it back. */
export function sheetDigest(sheet: SheetGrid): string {
  const digest = new Digest();
  sheet.values.forEach((row, r) =>
    row?.forEach((value, c) => {
      const text = value === null || value === undefined ? "" : typeof value === "string" ? value : cellText(value);
      if (text !== "") digest.add(`${r},${c}=${text}`);
    }),
  );
  return digest.toString();
}

/** What the previous run recorded of the summary it wrote (src/core/marks.ts). */
export interface PreviousSummary {
  name: string;
  digest: string;
}

/**
 * 综合得分, or 综合得分(2), (3)… when a sheet of that name exists that jixiao may not replace: one it
 * did not make (a chart sheet among `otherNames` never is jixiao's), or one it made that the user
 * has written in since. With a record of the last summary, only that sheet is replaced, and only
 * while it is as jixiao wrote it; without one (a workbook from before the record), jixiao's own
 * summary is replaced as it always was.
 */
export function summarySheetName(
  sheets: SheetGrid[],
  otherNames: string[] = [],
  previous: PreviousSummary | null = null,
): { name: string; replaces: boolean; keptEdited: string | null } {
  let keptEdited: string | null = null;
  for (let n = 1; ; n++) {
    const name = summaryName(n);
    if (otherNames.some((other) => sameSheetName(other, name))) continue;
    const existing = sheets.find((s) => sameSheetName(s.name, name));
    if (!existing) return { name, replaces: false, keptEdited };
    if (!isJixiaoSummary(existing)) continue;
    if (previous === null) return { name, replaces: true, keptEdited };
    if (previous.name !== name) continue;
    if (sheetDigest(existing) === previous.digest) return { name, replaces: true, keptEdited };
    keptEdited = name;
  }
}
