/** Profile presets: each is a valid --profile JSON and changes only what its source states. */
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { PRESETS, presetProfile } from "../../src/core/presets";
import { RULE_NAMES } from "../../src/core/rule-names";

test("the 财预〔2020〕10号 preset is the default profile", () => {
  expect(presetProfile(PRESETS.find((p) => p.id === "caiyu-2020-10")!)).toEqual(DEFAULT_PROFILE);
});

test("the county preset changes the budget weight and the qualitative bands, nothing else", () => {
  const county = presetProfile(PRESETS.find((p) => p.id === "county-20-points")!);
  expect(county.budgetWeight).toBe(20);
  expect(county.qualitative).toEqual({ achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] });
  expect({ ...county, name: "", budgetWeight: 0, qualitative: null }).toEqual({ ...DEFAULT_PROFILE, name: "", budgetWeight: 0, qualitative: null });
});

test("every preset names its source and has a name in both languages", () => {
  for (const preset of PRESETS) {
    expect(preset.source.length).toBeGreaterThan(20);
    expect(preset.name.zh).not.toBe("");
    expect(preset.name.en).not.toBe("");
  }
});

test("rule names are short and distinct in each language", () => {
  for (const lang of ["zh", "en"] as const) {
    const names = Object.values(RULE_NAMES).map((n) => n[lang]);
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(lang === "zh" ? 12 : 32);
  }
});
