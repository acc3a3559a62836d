/**
 * The settings panel edits a Profile through text fields. This converts both ways and checks the
 * fields; the final check is the core's own profileFromJson, so the pane accepts exactly what the
 * command line accepts.
 */
import { DECIMALS_RANGE, NegativeFormula, Profile, profileFromJson } from "../core/profile";
import { Strings, errorText } from "./strings";

export type BandKey = "achieved" | "partial" | "notAchieved";

export interface GradeRow {
  min: string;
  label: string;
}

export interface ProfileForm {
  name: string;
  /** Highest band first, as the pane shows them. */
  grades: GradeRow[];
  budgetWeight: string;
  bands: Record<BandKey, { low: string; high: string }>;
  negativeFormula: NegativeFormula;
  /** Percent of the target, "130". */
  overAchievement: string;
  scoreDecimals: string;
  rateDecimals: string;
  markCells: boolean;
}

export type FormField =
  | "name"
  | "grades"
  | `grades.${number}`
  | "budgetWeight"
  | `${BandKey}.low`
  | `${BandKey}.high`
  | `${BandKey}.order`
  | "overAchievement"
  | "scoreDecimals"
  | "rateDecimals";

export type FormErrors = Partial<Record<FormField, string>>;

export const BAND_KEYS: BandKey[] = ["achieved", "partial", "notAchieved"];

/** 0.8 → "80", without binary noise (0.6 × 100 = 60.00000000000001). */
function toPercent(fraction: number): string {
  return String(Math.round(fraction * 1e6) / 1e4);
}

function fromPercent(percent: number): number {
  return Math.round(percent * 1e4) / 1e6;
}


export function profileToForm(profile: Profile): ProfileForm {
  const band = (key: BandKey) => ({
    low: toPercent(profile.qualitative[key][0]),
    high: toPercent(profile.qualitative[key][1]),
  });
  return {
    name: profile.name,
    grades: [...profile.grades].sort((a, b) => b.min - a.min).map((g) => ({ min: String(g.min), label: g.label })),
    budgetWeight: String(profile.budgetWeight),
    bands: { achieved: band("achieved"), partial: band("partial"), notAchieved: band("notAchieved") },
    negativeFormula: profile.negativeFormula,
    overAchievement: toPercent(profile.overAchievement),
    scoreDecimals: String(profile.scoreDecimals),
    rateDecimals: String(profile.rateDecimals),
    markCells: profile.markCells,
  };
}

function parseNumber(text: string): number | undefined {
  const normalized = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, "");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined;
  return Number(normalized);
}

export type FormResult = { ok: true; profile: Profile } | { ok: false; errors: FormErrors; message?: string };

/** Checks the form and builds the profile it describes over `base` (which keeps the fields the form does not show). */
export function formToProfile(form: ProfileForm, base: Profile, strings: Strings): FormResult {
  const s = strings.settings;
  const errors: FormErrors = {};

  const grades: Profile["grades"] = [];
  form.grades.forEach((row, i) => {
    const min = parseNumber(row.min);
    if (min === undefined || min > 100 || row.label.trim() === "") errors[`grades.${i}`] = s.gradesInvalid;
    else grades.push({ min, label: row.label.trim() });
  });
  if (form.grades.length === 0) errors.grades = s.gradesInvalid;
  // A row added at the bottom may score higher than the ones above it: the profile lists highest first.
  grades.sort((a, b) => b.min - a.min);

  const budgetWeight = parseNumber(form.budgetWeight);
  if (budgetWeight === undefined || budgetWeight > 100) errors.budgetWeight = s.numberInvalid;

  const qualitative = {} as Record<BandKey, [number, number]>;
  for (const key of BAND_KEYS) {
    const low = parseNumber(form.bands[key].low);
    const high = parseNumber(form.bands[key].high);
    if (low === undefined || low > 100) errors[`${key}.low`] = s.percentInvalid;
    if (high === undefined || high > 100) errors[`${key}.high`] = s.percentInvalid;
    if (low !== undefined && high !== undefined && low <= 100 && high <= 100) {
      if (low > high) errors[`${key}.order`] = s.bandOrder;
      qualitative[key] = [fromPercent(low), fromPercent(high)];
    }
  }

  const over = parseNumber(form.overAchievement);
  if (over === undefined || over < 100) errors.overAchievement = s.overAchievementInvalid;

  const decimals = (key: "scoreDecimals" | "rateDecimals") => {
    const value = parseNumber(form[key]);
    const [fewest, most] = DECIMALS_RANGE[key];
    if (value === undefined || !Number.isInteger(value) || value < fewest || value > most) errors[key] = s.decimalsInvalid(fewest, most);
    return value;
  };
  const scoreDecimals = decimals("scoreDecimals");
  const rateDecimals = decimals("rateDecimals");

  if (Object.keys(errors).length > 0 || budgetWeight === undefined || over === undefined) {
    return { ok: false, errors };
  }

  try {
    const profile = profileFromJson(
      {
        name: form.name.trim() || base.name,
        grades,
        budgetWeight,
        qualitative,
        negativeFormula: form.negativeFormula,
        overAchievement: fromPercent(over),
        scoreDecimals,
        rateDecimals,
        markCells: form.markCells,
      },
      base,
    );
    return { ok: true, profile };
  } catch (error) {
    return { ok: false, errors, message: errorText(error, strings) };
  }
}
