import { ProfileError } from "../core/profile";
import { STRINGS, errorText } from "./strings";

describe("errorText", () => {
  it("shows an error that comes in both languages in the pane's own", () => {
    const error = new ProfileError("markCells 应为 true 或 false", "markCells should be true or false");
    expect(errorText(error, STRINGS.en)).toBe("markCells should be true or false");
    expect(errorText(error, STRINGS.zh)).toBe("markCells 应为 true 或 false");
  });

  it("shows any other error's message, and a fallback for nothing to show", () => {
    expect(errorText(new Error("网络中断"), STRINGS.en)).toBe("网络中断");
    expect(errorText(undefined, STRINGS.en)).toBe(STRINGS.en.unknownError);
  });
});
