import Decimal from "decimal.js";
import { GRADE_SYNONYMS, readGrade } from "./grade-text";
import { BilingualError } from "./messages";

/**
 * The scoring profile: everything that varies by locality (domain.md §3). The default is the
 * 财预〔2020〕10号 split; a unit or finance bureau overrides any part of it with a JSON file.
 */

export interface GradeBand {
  /** Lowest total (inclusive) that earns this grade. */
  min: number;
  label: string;
}

export interface QualitativeBands {
  /** Fractions of the weight, [low, high], inclusive. */
  achieved: [number, number];
  partial: [number, number];
  notAchieved: [number, number];
}

export type NegativeFormula = "ratio" | "linear";

export interface Profile {
  name: string;
  budgetWeight: number;
  /** Highest band first, each strictly lower, the last at 0 (`checkedGrades`). */
  grades: GradeBand[];
  qualitative: QualitativeBands;
  /** "ratio": weight × target ÷ actual; "linear": falls linearly to 0 at twice the target. */
  negativeFormula: NegativeFormula;
  /** A positive indicator at or above this multiple of its target needs a reason. */
  overAchievement: number;
  /** Decimal places of computed scores (half up). */
  scoreDecimals: number;
  /** Decimal places of computed rates, as fractions (4 → 0.4316 = 43.16%). */
  rateDecimals: number;
  /** Fill the flagged cells with a colour by severity. */
  markCells: boolean;
}

export const DEFAULT_PROFILE: Profile = {
  name: "默认（财预〔2020〕10号）",
  budgetWeight: 10,
  grades: [
    { min: 90, label: "优" },
    { min: 80, label: "良" },
    { min: 60, label: "中" },
    { min: 0, label: "差" },
  ],
  qualitative: { achieved: [0.8, 1], partial: [0.6, 0.8], notAchieved: [0, 0.6] },
  negativeFormula: "ratio",
  overAchievement: 1.3,
  scoreDecimals: 2,
  rateDecimals: 4,
  markCells: true,
};

/** A scoring profile (JSON or --grades) that cannot be used; says which setting and what to write. */
export class ProfileError extends BilingualError {}

/** Formats that show what was computed, no more and no less: 4 rate decimals → 0.00%. */
export const rateFormat = (profile: Profile) => decimalsFormat(Math.max(0, profile.rateDecimals - 2)) + "%";
export const scoreFormat = (profile: Profile) => decimalsFormat(profile.scoreDecimals);
const decimalsFormat = (places: number) => (places > 0 ? `0.${"0".repeat(places)}` : "0");

/** A folder's own scoring profile, for the workbooks in it and in the folders below it (score, review and the page alike). */
export const FOLDER_PROFILE = "jixiao.json";

/** A grade band's score: where the grades are set, so that a refusal names it (`grades`, `--grades`). */
function gradeRefusal(key: string, zh: string, en: string): ProfileError {
  return new ProfileError(`${key}：${zh}`, `${key}: ${en}`);
}

/**
 * Checks bands as written: each scores 0 to 100, strictly below the one before it (so no score
 * is claimed by two grades), and the last starts at 0 (so every total gets a grade).
 */
export function checkedGrades(bands: GradeBand[], key = "grades"): GradeBand[] {
  if (bands.length === 0) throw gradeRefusal(key, "等次设置为空，例如 90:优,80:良,60:中,0:差", 'no grade bands, e.g. "90:A,80:B,60:C,0:D"');
  bands.forEach((band, i) => {
    if (!Number.isFinite(band.min) || band.min < 0 || band.min > 100) {
      throw gradeRefusal(key, `等次“${band.label}”的分数 ${band.min} 应在 0 到 100 之间`, `the band "${band.label}" starts at ${band.min}, which is not between 0 and 100`);
    }
    if (band.label.trim() === "") throw gradeRefusal(key, `分数 ${band.min} 的等次名称是空的`, `the band at ${band.min} has no label`);
    const before = bands[i - 1];
    if (before && band.min === before.min) {
      throw gradeRefusal(key, `分数 ${band.min} 出现了两次（“${before.label}”和“${band.label}”）`, `${band.min} is given twice ("${before.label}" and "${band.label}")`);
    }
    if (before && band.min > before.min) {
      throw gradeRefusal(key, `等次应从高到低排列，${band.min} 写在了 ${before.min} 之后`, `bands should go from highest to lowest; ${band.min} comes after ${before.min}`);
    }
  });
  const lowest = bands[bands.length - 1];
  if (lowest.min !== 0) {
    throw gradeRefusal(key, `最低一档应从 0 分起（现为 ${lowest.min}），否则低于它的总分没有等次`, `the lowest band should start at 0 (not ${lowest.min}), or a total below it gets no grade`);
  }
  return bands;
}

/** Parses the `--grades "85:优秀,75:良好,60:一般,0:较差"` shortcut; `key` is where it was written. */
export function parseGrades(spec: string, key = "grades"): GradeBand[] {
  const bands = spec
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const match = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\S.*)$/.exec(part);
      if (!match) throw gradeRefusal(key, `“${part}”应写成 分数:等次，例如 85:优秀`, `"${part}" should read score:label, e.g. 85:Excellent`);
      return { min: Number(match[1]), label: match[2].trim() };
    });
  return checkedGrades(bands, key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function band(value: unknown, key: string): [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number" ||
    value[0] > value[1] ||
    value[0] < 0 ||
    value[1] > 1
  ) {
    throw new ProfileError(
      `qualitative.${key} 应为 [下限, 上限]，是 0 到 1 之间的分数，例如 [0.8, 1]`,
      `qualitative.${key} should be [low, high], fractions between 0 and 1, e.g. [0.8, 1]`,
    );
  }
  return [value[0], value[1]];
}

function positiveNumber(value: unknown, key: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ProfileError(`${key} 应为非负数`, `${key} should be a number of 0 or more`);
  }
  return value;
}

/**
 * Decimal places a profile may keep, as a form can show them: a rate is a fraction (97.45% is
 * 0.9745), so fewer than 2 places would round 43.16% to 0 or 100%; more than 8 (or 6 for a score)
 * is noise no form prints.
 */
export const DECIMALS_RANGE = { scoreDecimals: [0, 6], rateDecimals: [2, 8] } as const;

/** Over-achievement beyond this many times the target is not a threshold anyone means. */
const MAX_OVER_ACHIEVEMENT = 100;

/** Whether two profiles set everything alike, whatever order their keys were set in. */
export function sameProfile(a: Profile, b: Profile): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Profile)[]);
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

/** Merges a parsed profile JSON over the default, checking every field it sets. */
export function profileFromJson(json: unknown, base: Profile = DEFAULT_PROFILE): Profile {
  if (!isRecord(json)) throw new ProfileError("评分方案应为 JSON 对象", "The scoring profile should be a JSON object");
  const profile: Profile = { ...base, qualitative: { ...base.qualitative }, grades: [...base.grades] };
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case "name":
        if (typeof value !== "string") throw new ProfileError("name 应为文字", "name should be text");
        profile.name = value;
        break;
      case "budgetWeight":
        // Points out of the total of 100.
        if (positiveNumber(value, key) > 100) throw new ProfileError(`budgetWeight 应在 0 到 100 分之间，不是 ${value}`, `budgetWeight should be 0 to 100 points, not ${value}`);
        profile.budgetWeight = value as number;
        break;
      case "overAchievement":
        // Over-achievement is doing more than the target: a threshold below 100% means nothing.
        if (positiveNumber(value, key) < 1) {
          throw new ProfileError("overAchievement 应不小于 1（即 100%），例如 1.3", "overAchievement should be 1 (100%) or more, e.g. 1.3");
        }
        if ((value as number) > MAX_OVER_ACHIEVEMENT) {
          throw new ProfileError(`overAchievement 应不大于 ${MAX_OVER_ACHIEVEMENT}（即目标的 ${MAX_OVER_ACHIEVEMENT} 倍），例如 1.3`, `overAchievement should be ${MAX_OVER_ACHIEVEMENT} (${MAX_OVER_ACHIEVEMENT} times the target) or less, e.g. 1.3`);
        }
        profile.overAchievement = value as number;
        break;
      case "scoreDecimals":
      case "rateDecimals": {
        const [fewest, most] = DECIMALS_RANGE[key];
        if (!Number.isInteger(value) || (value as number) < fewest || (value as number) > most) {
          throw new ProfileError(`${key} 应为 ${fewest} 到 ${most} 的整数，不是 ${String(value)}`, `${key} should be a whole number from ${fewest} to ${most}, not ${String(value)}`);
        }
        profile[key] = value as number;
        break;
      }
      case "negativeFormula":
        if (value !== "ratio" && value !== "linear") throw new ProfileError('negativeFormula 应为 "ratio" 或 "linear"', 'negativeFormula should be "ratio" or "linear"');
        profile.negativeFormula = value;
        break;
      case "markCells":
        if (typeof value !== "boolean") throw new ProfileError("markCells 应为 true 或 false", "markCells should be true or false");
        profile.markCells = value;
        break;
      case "grades":
        if (typeof value === "string") {
          profile.grades = parseGrades(value);
        } else if (Array.isArray(value)) {
          profile.grades = checkedGrades(
            value.map((g) => {
              if (!isRecord(g) || typeof g.min !== "number" || typeof g.label !== "string") {
                throw new ProfileError('grades 的每一项应为 {"min": 90, "label": "优"}', 'Each grades entry should be {"min": 90, "label": "Excellent"}');
              }
              return { min: g.min, label: g.label };
            }),
          );
        } else {
          throw new ProfileError("grades 应为等次列表或 “90:优,80:良,60:中,0:差”", 'grades should be a list of bands or "90:A,80:B,60:C,0:D"');
        }
        break;
      case "qualitative":
        if (!isRecord(value)) throw new ProfileError("qualitative 应为对象", "qualitative should be an object");
        for (const [q, b] of Object.entries(value)) {
          if (q !== "achieved" && q !== "partial" && q !== "notAchieved") {
            throw new ProfileError(
              `qualitative 不认识 ${q}（可用 achieved、partial、notAchieved）`,
              `qualitative has no ${q} (use achieved, partial, notAchieved)`,
            );
          }
          profile.qualitative[q] = band(b, q);
        }
        break;
      default:
        throw new ProfileError(`评分方案中不认识的设置：${key}`, `Unknown setting in the scoring profile: ${key}`);
    }
  }
  return profile;
}

/** The grade a total earns under the profile. */
export function gradeFor(total: Decimal, profile: Profile): string {
  const sorted = [...profile.grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (total.gte(g.min)) return g.label;
  return ""; // below every band: a profile without a band at 0 grades nothing there
}

/**
 * Whether a grade word says the same as the expected label (exactly, or a known synonym); the
 * word as readGrade gives it (优 of 优秀（90-100分）).
 */
function sameGrade(word: string, expected: string): boolean {
  if (word === expected) return true;
  return GRADE_SYNONYMS.some((group) => group.includes(word) && group.includes(expected));
}

/**
 * The grade of `labels` (the profile's, best first) a recorded 等次 names, for counting grades:
 * 优☑ 良□ 中□ 差□ and 优秀 are 优; a wording no label matches as written; null for a list with
 * nothing ticked (no grade recorded).
 */
export function recordedGradeLabel(recorded: string, labels: readonly string[]): string | null {
  const reading = readGrade(recorded, labels);
  if (reading.kind === "unticked") return null;
  if (reading.kind === "ticked") return recorded;
  return labels.find((label) => sameGrade(reading.grade, label)) ?? reading.grade;
}

/**
 * The grade-mismatch message's parameters for a recorded 等次 that does not say the grade `total`
 * earns (with `ticked` when several options of a box list are ticked), or null when it does, or
 * records none (a box list left unticked).
 */
export function gradeMismatch(recorded: string, total: Decimal, profile: Profile): Record<string, string> | null {
  const expected = gradeFor(total, profile);
  if (expected === "") return null;
  const reading = readGrade(recorded, profile.grades.map((g) => g.label));
  if (reading.kind === "unticked" || (reading.kind === "grade" && sameGrade(reading.grade, expected))) return null;
  const params: Record<string, string> = { total: total.toFixed(), expected, recorded };
  if (reading.kind === "ticked") params.ticked = reading.grades.join("、");
  return params;
}

/** A one-line description of the profile for the summary sheet. */
export function describeProfile(profile: Profile, lang: "zh" | "en" = "zh"): string {
  const grades = [...profile.grades]
    .sort((a, b) => b.min - a.min)
    .map((g) => `${g.label}≥${g.min}`)
    .join(" ");
  const over = Math.round(profile.overAchievement * 100);
  if (lang === "en") {
    const name = profile.name === DEFAULT_PROFILE.name ? "default (Ministry of Finance, 2020)" : profile.name;
    const negative = profile.negativeFormula === "ratio" ? "negative indicators: target ÷ actual" : "negative indicators: linear to 0 at twice the target";
    return `Profile: ${name}; budget execution ${profile.budgetWeight} points; grades ${grades}; ${negative}; over ${over}% needs a reason`;
  }
  const negative = profile.negativeFormula === "ratio" ? "反向指标按 目标÷实际" : "反向指标线性递减至两倍目标为 0";
  return `评分方案：${profile.name}；预算执行率 ${profile.budgetWeight} 分；等次 ${grades}；${negative}；超额 ${over}% 需说明`;
}
