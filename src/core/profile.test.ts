import { DEFAULT_PROFILE, Profile, ProfileError, parseGrades, profileFromJson, sameProfile } from "./profile";

describe("profileFromJson", () => {
  it("takes an over-achievement threshold of 100% or more, and refuses one below it in both languages", () => {
    expect(profileFromJson({ overAchievement: 1 }).overAchievement).toBe(1);
    expect(profileFromJson({ overAchievement: 1.5 }).overAchievement).toBe(1.5);
    let error: unknown;
    try {
      profileFromJson({ overAchievement: 0.9 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).textIn("zh")).toContain("overAchievement 应不小于 1");
    expect((error as ProfileError).textIn("en")).toBe("overAchievement should be 1 (100%) or more, e.g. 1.3");
  });
});

/** The refusal a call makes, in both languages. */
function refusal(call: () => unknown): { zh: string; en: string } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).text;
  }
  throw new Error("expected a ProfileError");
}

describe("grade bands", () => {
  it("takes bands from highest to lowest that end at 0, in either comma", () => {
    expect(parseGrades("85:优秀，75:良好, 60.5:一般,0:较差")).toEqual([
      { min: 85, label: "优秀" },
      { min: 75, label: "良好" },
      { min: 60.5, label: "一般" },
      { min: 0, label: "较差" },
    ]);
    expect(profileFromJson({ grades: [{ min: 100, label: "满分" }, { min: 0, label: "其他" }] }).grades).toHaveLength(2);
  });

  it.each([
    ["", "grades：等次设置为空", "grades: no grade bands"],
    [" , ", "grades：等次设置为空", "grades: no grade bands"],
    ["90:优,90:良,0:差", "grades：分数 90 出现了两次（“优”和“良”）", 'grades: 90 is given twice ("优" and "良")'],
    ["101:神,90:优,0:差", "grades：等次“神”的分数 101 应在 0 到 100 之间", 'grades: the band "神" starts at 101'],
    ["60:中,90:优,0:差", "grades：等次应从高到低排列，90 写在了 60 之后", "grades: bands should go from highest to lowest; 90 comes after 60"],
    ["90:优,60:中", "grades：最低一档应从 0 分起（现为 60）", "grades: the lowest band should start at 0 (not 60)"],
    ["90优,0:差", "grades：“90优”应写成 分数:等次", 'grades: "90优" should read score:label'],
  ])("refuses %j, naming the key in both languages", (spec, zh, en) => {
    const text = refusal(() => parseGrades(spec));
    expect(text.zh).toContain(zh);
    expect(text.en).toContain(en);
  });

  it("names where the bands were written", () => {
    expect(refusal(() => parseGrades("", "--grades")).en).toMatch(/^--grades: no grade bands/);
  });

  it("checks a list in a profile as strictly as the text form", () => {
    expect(refusal(() => profileFromJson({ grades: [] })).zh).toContain("grades：等次设置为空");
    expect(refusal(() => profileFromJson({ grades: [{ min: 80, label: "良" }, { min: 90, label: "优" }, { min: 0, label: "差" }] })).en).toContain(
      "bands should go from highest to lowest",
    );
    expect(refusal(() => profileFromJson({ grades: [{ min: 90, label: "优" }, { min: -10, label: "差" }] })).en).toContain(
      'the band "差" starts at -10, which is not between 0 and 100',
    );
    expect(refusal(() => profileFromJson({ grades: [{ min: 90, label: " " }, { min: 0, label: "差" }] })).en).toContain("the band at 90 has no label");
  });
});

describe("numbers in a profile", () => {
  it("takes a budget weight from 0 to 100 points", () => {
    expect(profileFromJson({ budgetWeight: 0 }).budgetWeight).toBe(0);
    expect(profileFromJson({ budgetWeight: 100 }).budgetWeight).toBe(100);
  });

  it.each([
    [{ budgetWeight: 1e308 }, "budgetWeight 应在 0 到 100 分之间，不是 1e+308", "budgetWeight should be 0 to 100 points, not 1e+308"],
    [{ budgetWeight: 100.5 }, "budgetWeight 应在 0 到 100 分之间", "budgetWeight should be 0 to 100 points, not 100.5"],
    [{ budgetWeight: -20 }, "budgetWeight 应为非负数", "budgetWeight should be a number of 0 or more"],
    [{ budgetWeight: "10" }, "budgetWeight 应为非负数", "budgetWeight should be a number of 0 or more"],
    [{ overAchievement: 1e308 }, "overAchievement 应不大于 100", "overAchievement should be 100 (100 times the target) or less"],
    [{ scoreDecimals: 7 }, "scoreDecimals 应为 0 到 6 的整数，不是 7", "scoreDecimals should be a whole number from 0 to 6, not 7"],
    [{ scoreDecimals: 1.5 }, "scoreDecimals 应为 0 到 6 的整数", "scoreDecimals should be a whole number from 0 to 6, not 1.5"],
    [{ rateDecimals: 1 }, "rateDecimals 应为 2 到 8 的整数，不是 1", "rateDecimals should be a whole number from 2 to 8, not 1"],
    [{ rateDecimals: 300 }, "rateDecimals 应为 2 到 8 的整数", "rateDecimals should be a whole number from 2 to 8, not 300"],
  ])("refuses %j, naming the key in both languages", (json, zh, en) => {
    const text = refusal(() => profileFromJson(json));
    expect(text.zh).toContain(zh);
    expect(text.en).toContain(en);
  });
});

describe("sameProfile", () => {
  it("is true of profiles that set everything alike, whatever order their keys were set in", () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_PROFILE).reverse()) as Profile;
    expect(sameProfile(reordered, DEFAULT_PROFILE)).toBe(true);
    expect(sameProfile(profileFromJson({ scoreDecimals: 0 }), DEFAULT_PROFILE)).toBe(false);
    expect(sameProfile(profileFromJson({ grades: "90:优秀,80:良,60:中,0:差" }), DEFAULT_PROFILE)).toBe(false);
  });
});
