/**
 * What can be wrong with a cell where a number is due, whatever its table: an Excel error value
 * (formula-error), text (not-numeric), a negative amount, weight or score (negative-value).
 */
import { cellText, isCellError } from "../grid";
import { Bilingual } from "../messages";
import { NumberCell } from "../model";
import { FindingList } from "./findings";

export type NumberField = "initial" | "planned" | "spent" | "rate" | "weight" | "score" | "total";

export const FIELD_NAMES: Record<NumberField, Bilingual> = {
  initial: { zh: "年初预算数", en: "initial budget" },
  planned: { zh: "全年预算数", en: "planned budget" },
  spent: { zh: "执行数", en: "spending" },
  rate: { zh: "执行率", en: "execution rate" },
  weight: { zh: "分值", en: "weight" },
  score: { zh: "得分", en: "score" },
  total: { zh: "总分", en: "total" },
};

/** Budgets, spending, weights and scores are never below 0 (domain.md §4, negative-value). */
const NEVER_NEGATIVE: ReadonlySet<NumberField> = new Set(["initial", "planned", "spent", "weight", "score"]);

/** The Excel error a cell holds (#DIV/0!, #REF!), if it holds one. */
export function errorValue(cell: NumberCell | null): string | null {
  return cell !== null && isCellError(cell.raw) ? cell.raw.error : null;
}

/**
 * A formula typed into a cell formatted as text (=H5+SUM(H18:H25)): Excel shows the formula and
 * never computes it, so the cell holds no number however right the formula is.
 */
export function formulaAsText(cell: NumberCell | null): boolean {
  return cell !== null && cell.invalid && typeof cell.raw === "string" && (cell.raw.trimStart().startsWith("=") || cell.raw.trimStart().startsWith("＝"));
}

/** Why a formula kept as text is not computed, and how to mend it: what the user can see differs. */
function formulaAsTextWhy(cell: NumberCell): { why: string; whyEn: string } {
  if ((cell.raw as string).trimStart().startsWith("＝")) {
    return {
      why: "公式以全角“＝”开头，Excel 不当作公式：请改为半角“=”",
      whyEn: "the formula starts with a full-width ＝, which Excel does not take for a formula: type a plain =",
    };
  }
  if (cell.numFmt === "@") {
    return {
      why: "这是文本格式单元格里的公式，Excel 只显示不计算：请把单元格格式改为“常规”后重新输入公式",
      whyEn: "a formula in a cell formatted as text, which Excel shows and never computes: set the cell to General and enter the formula again",
    };
  }
  return {
    why: "公式以文本保存（前面有撇号，或粘贴为文本），Excel 只显示不计算：请重新输入公式",
    whyEn: "the formula is kept as text (an apostrophe before it, or pasted as text), which Excel shows and never computes: enter the formula again",
  };
}

/** Raises the finding a number cell's content calls for, if any. */
export function checkNumberCell(findings: FindingList, cell: NumberCell | null, field: NumberField): void {
  if (!cell) return;
  const { zh, en } = FIELD_NAMES[field];
  const error = errorValue(cell);
  if (error !== null) findings.add("formula-error", cell, { what: zh, whatEn: en, error });
  else if (cell.invalid) findings.add("not-numeric", cell, { what: zh, value: cellText(cell.raw), ...(formulaAsText(cell) ? formulaAsTextWhy(cell) : { why: "", whyEn: "" }) });
  else if (cell.value !== null && cell.value.isNegative() && NEVER_NEGATIVE.has(field)) {
    findings.add("negative-value", cell, { what: zh, whatEn: en, value: cell.value.toFixed() });
  }
}
