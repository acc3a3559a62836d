/** Profile presets: each is a valid --profile JSON and changes only what its source states. */
import { Analysis, analyze } from "../../src/core/analyze";
import { WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE, Profile, QualitativeBands, profileFromJson } from "../../src/core/profile";
import { PRESETS, Preset, presetProfile } from "../../src/core/presets";
import { RULE_NAMES } from "../../src/core/rule-names";
import { readXlsx } from "../../src/xlsx/read";
import { YUNXI } from "../support/xlsx";

const byId = (id: string): Preset => PRESETS.find((p) => p.id === id)!;

/** The profile keys whose value differs from the 财预〔2020〕10号 default. */
function changedKeys(profile: Profile): string[] {
  return (Object.keys(DEFAULT_PROFILE) as (keyof Profile)[])
    .filter((key) => JSON.stringify(profile[key]) !== JSON.stringify(DEFAULT_PROFILE[key]))
    .sort();
}

/** A band as a source prints it, highest first: [0.5, 0.8] → "80%–50%". */
const bandText = ([low, high]: [number, number]) => `${Math.round(high * 100)}%–${Math.round(low * 100)}%`;

test("the 财预〔2020〕10号 preset is the default profile", () => {
  expect(presetProfile(byId("caiyu-2020-10"))).toEqual(DEFAULT_PROFILE);
});

test.each(PRESETS.map((p) => [p.id, p] as const))("%s is the JSON --profile takes, and changes exactly the keys it sets", (_, preset) => {
  // Through JSON text, as a --profile file or the pane's import would read it.
  const fromFile = profileFromJson(JSON.parse(JSON.stringify(preset.settings)), DEFAULT_PROFILE);
  // A key set to the default's own value would claim a difference the source does not make.
  expect(changedKeys(fromFile)).toEqual(Object.keys(preset.settings).sort());
});

test("the county preset sets budget weight 20 and qualitative bands 80/50, and its source states both", () => {
  const county = byId("county-20-points");
  const profile = presetProfile(county);
  expect(changedKeys(profile)).toEqual(["budgetWeight", "name", "qualitative"]);
  expect(profile.budgetWeight).toBe(20);
  expect(profile.qualitative).toEqual({ achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] });
  expect(county.source).toContain("20 分");
});

test("every variant's source names where it comes from (a URL) and prints each number it sets", () => {
  for (const preset of PRESETS.filter((p) => Object.keys(p.settings).length > 0)) {
    expect(preset.source).toMatch(/https?:\/\/\S+/);
    const profile = presetProfile(preset);
    if ("budgetWeight" in preset.settings) expect(preset.source).toContain(`${profile.budgetWeight} 分`);
    if ("qualitative" in preset.settings) {
      for (const key of ["achieved", "partial", "notAchieved"] as (keyof QualitativeBands)[]) {
        expect(preset.source).toContain(bandText(profile.qualitative[key]));
      }
    }
  }
});

test("every preset has a name in both languages, and the zh name is the profile's name", () => {
  for (const preset of PRESETS) {
    expect(preset.name.zh).not.toBe("");
    expect(preset.name.en).not.toBe("");
    if ("name" in preset.settings) expect(presetProfile(preset).name).toBe(preset.name.zh);
  }
});

describe("the yunxi fixture under the county preset", () => {
  const SHEET = "部门整体支出绩效自评表";
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = (await readXlsx(YUNXI)).grid;
  });

  /**
   * The yunxi form as a unit fills it in with its budget line's 分值 (F4) left blank, so that the
   * profile's budget weight applies, its 总分 (H36) counting the budget's points on top of the
   * indicators' 96 (a 总分 of the indicators alone would say the budget has none), and with row 29
   * (营造良好工作氛围, 10 points) changed as given.
   */
  function unitForm(row29?: { actual: string; score: number }): WorkbookGrid {
    const copy: WorkbookGrid = JSON.parse(JSON.stringify(grid));
    const values = copy.sheets[0].values;
    values[3][5] = null;
    expect(values[35].slice(0, 8)).toEqual(["绩效自评综合得分", null, null, null, null, null, null, 96]);
    values[35][7] = 116;
    if (row29) {
      values[28][5] = row29.actual;
      values[28][7] = row29.score;
    }
    return copy;
  }

  const total = (a: Analysis) => a.totals.find((t) => t.sheet === SHEET)!;
  const rulesAt = (a: Analysis, cell: string) => a.findings.filter((f) => f.sheet === SHEET && f.cell === cell).map((f) => f.rule);

  it("keeps the 分值 10 the form prints: a preset fills in only what the form leaves blank", () => {
    const a = analyze(grid, presetProfile(byId("county-20-points")));
    // The fixture's own numbers (test/core/fixtures.test.ts): budget 10 × 2246.07 ÷ 2246.07 = 10,
    // indicators 96.47, total 106.47 on 10 + 100 = 110 points.
    expect(a.budget[0]).toMatchObject({ weight: "10", score: "10" });
    expect(total(a)).toMatchObject({ weights: "110", score: "106.47" });
  });

  it("scores the budget line on 20 points where the form leaves its 分值 blank", () => {
    const a = analyze(unitForm(), presetProfile(byId("county-20-points")));
    // 执行率 2246.07 ÷ 2246.07 = 100%, so the budget line scores 20 × 1 = 20.
    // Indicators (G/H12–35): rows 12–23 full, 38; 24–26 cost overruns 3 × 150 ÷ 191.18 = 2.35,
    // 3 × 100 ÷ 111.94 = 2.68, 3 × 187.90 ÷ 213.63 = 2.64; 27 full, 3; 28–34: 5 + 8 + 5 × 5 = 38;
    // 35: 10 × 98% = 9.8. Sum 38 + 2.35 + 2.68 + 2.64 + 3 + 38 + 9.8 = 96.47.
    // Total 20 + 96.47 = 116.47 on 20 + 100 = 120 points: not on 100, so no grade.
    expect(a.budget[0]).toMatchObject({ weight: "20", score: "20" });
    expect(total(a)).toMatchObject({ weights: "120", score: "116.47", grade: null });
    // The same form under the default gives the budget line 10 × 1 = 10.
    expect(analyze(unitForm(), DEFAULT_PROFILE).budget[0]).toMatchObject({ weight: "10", score: "10" });
  });

  it("accepts 5.5 of 10 for 部分达成 under its 80/50 bands, which the default's 80/60 bands flag", () => {
    const partly = unitForm({ actual: "部分达成", score: 5.5 });
    // 5.5 ÷ 10 = 55%: inside 部分达成's 50%–80% (county), below its 60%–80% (财预〔2020〕10号).
    const county = analyze(partly, presetProfile(byId("county-20-points")));
    expect(rulesAt(county, "H29")).not.toContain("qualitative-score-band");
    expect(rulesAt(analyze(partly, DEFAULT_PROFILE), "H29")).toContain("qualitative-score-band");
    // Row 29 counts 5.5 instead of 8: 116.47 − 8 + 5.5 = 113.97.
    expect(total(county)).toMatchObject({ weights: "120", score: "113.97" });
  });
});

test("rule names are short and distinct in each language", () => {
  for (const lang of ["zh", "en"] as const) {
    const names = Object.values(RULE_NAMES).map((n) => n[lang]);
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(lang === "zh" ? 12 : 32);
  }
});
