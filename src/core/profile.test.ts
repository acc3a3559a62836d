import { ProfileError, profileFromJson } from "./profile";

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
