import { ProfileError } from "../core/profile";
import type { PaneHost } from "./pane-host";
import { errorText, loadStrings, paneLanguage, zh } from "./strings";
import { en } from "./strings-en";

describe("errorText", () => {
  it("shows an error that comes in both languages in the pane's own", () => {
    const error = new ProfileError("markCells 应为 true 或 false", "markCells should be true or false");
    expect(errorText(error, en)).toBe("markCells should be true or false");
    expect(errorText(error, zh)).toBe("markCells 应为 true 或 false");
  });

  it("shows any other error's message, and a fallback for nothing to show", () => {
    expect(errorText(new Error("网络中断"), en)).toBe("网络中断");
    expect(errorText(undefined, en)).toBe(en.unknownError);
  });
});

describe("loadStrings and paneLanguage", () => {
  it("gives the Chinese set at once and fetches the English one", async () => {
    await expect(loadStrings("zh")).resolves.toBe(zh);
    await expect(loadStrings("en")).resolves.toBe(en);
  });

  it("falls back to the Chinese set when the English chunk cannot be fetched", async () => {
    jest.resetModules();
    jest.doMock("./strings-en", () => {
      throw new Error("ChunkLoadError: Loading chunk strings-en failed");
    });
    const fresh = await import("./strings");
    await expect(fresh.loadStrings("en")).resolves.toBe(fresh.zh);
    jest.dontMock("./strings-en");
  });

  it("takes the host's language, and Chinese without a host or where it cannot tell", () => {
    const host = (language: () => "zh" | "en") => ({ language }) as unknown as PaneHost;
    expect(paneLanguage(host(() => "en"))).toBe("en");
    expect(paneLanguage(host(() => "zh"))).toBe("zh");
    expect(paneLanguage(undefined)).toBe("zh");
    expect(
      paneLanguage(
        host(() => {
          throw new Error("Office.context is not ready");
        }),
      ),
    ).toBe("zh");
  });
});
