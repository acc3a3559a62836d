/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { zh } from "../strings";
import { fakeHost, renderInFluent } from "./test-helpers";

jest.setTimeout(60000);

// The chunks of the settings tab and of the results' list cannot be fetched, as when the add-in's
// server is out of reach once the pane is up.
jest.mock("./SettingsPanel", () => {
  throw new Error("ChunkLoadError: Loading chunk settings failed");
});
jest.mock("./ResultsView", () => {
  throw new Error("ChunkLoadError: Loading chunk results failed");
});

test("a settings chunk that cannot be loaded leaves the tab saying so, and the pane in place", async () => {
  const { default: App } = await import("./App");
  renderInFluent(<App host={fakeHost()} strings={zh} />);
  fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
  expect(await screen.findByText(zh.settingsUnavailable)).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "结果" }));
  expect(screen.getByRole("button", { name: "一键重算" })).toBeTruthy();
});

test("a results chunk that cannot be loaded says so after a run, and the pane goes on working", async () => {
  const { default: App } = await import("./App");
  const host = fakeHost();
  renderInFluent(<App host={host} strings={zh} />);
  fireEvent.click(screen.getByRole("button", { name: "一键重算" }));
  expect(await screen.findByText(zh.resultsUnavailable)).toBeTruthy();
  expect(host.recalculate).toHaveBeenCalledTimes(1);
  expect((screen.getByRole("button", { name: "一键重算" }) as HTMLButtonElement).disabled).toBe(false);
});

test("once drawn, the pane asks its host to fetch what a run needs (the Office host's analysis engine), once", async () => {
  const { default: App } = await import("./App");
  const host = fakeHost({ prepare: () => undefined });
  renderInFluent(<App host={host} strings={zh} />);
  expect(screen.getByRole("button", { name: "一键重算" })).toBeTruthy();
  await waitFor(() => expect(host.prepare).toHaveBeenCalledTimes(1));
  expect(host.recalculate).not.toHaveBeenCalled();
  expect(host.check).not.toHaveBeenCalled();
});
