/**
 * Browser APIs that jsdom lacks and Fluent UI v9 uses (MessageBar measures itself with
 * ResizeObserver; motion and media-aware components ask matchMedia), and the text codecs of the
 * .xlsx package code, which tests under jsdom load (the record part's readers, the playground's
 * loader). No-ops outside jsdom, so it is safe as a global jest setup file for node-environment
 * tests too.
 */
export {};

if (typeof window !== "undefined") {
  // waitFor and findBy give up after 1 s by default: on a shared 2-core machine under load a
  // re-render after a click has taken longer (the pane's focus test failed so). Nothing here is timed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@testing-library/dom").configure({ asyncUtilTimeout: 10000 });
  if (typeof window.ResizeObserver === "undefined") {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true, configurable: true });
    Object.defineProperty(globalThis, "ResizeObserver", {
      value: ResizeObserverStub,
      writable: true,
      configurable: true,
    });
  }
  if (typeof globalThis.TextDecoder === "undefined") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TextDecoder, TextEncoder } = require("util");
    Object.assign(globalThis, { TextDecoder, TextEncoder });
  }
  if (typeof window.matchMedia !== "function") {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
}
