/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { zh } from "../strings";
import { fakeHost, renderInFluent } from "./test-helpers";

jest.setTimeout(60000);

// The settings tab's chunk cannot be fetched, as when the add-in's server is out of reach.
jest.mock("./SettingsPanel", () => {
  throw new Error("ChunkLoadError: Loading chunk settings failed");
});

test("a settings chunk that cannot be loaded leaves the tab saying so, and the pane in place", async () => {
  const { default: App } = await import("./App");
  renderInFluent(<App host={fakeHost()} strings={zh} />);
  fireEvent.click(screen.getByRole("tab", { name: "评分方案" }));
  expect(await screen.findByText(zh.settingsUnavailable)).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "结果" }));
  expect(screen.getByRole("button", { name: "一键重算" })).toBeTruthy();
});
