/* global document, navigator, Office */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./components/App";
import NoticeBar from "./components/NoticeBar";
import { createOfficeHost } from "./office-host";
import { errorText, loadStrings, paneLanguage } from "./strings";
import type { PaneHost } from "./pane-host";

const rootElement = document.getElementById("container");
const root = rootElement ? createRoot(rootElement) : undefined;

/** Before there is a host to ask, the browser's language decides. */
function browserStrings() {
  return loadStrings(/^zh\b/i.test(navigator.language || "zh") ? "zh" : "en");
}

function render(content: React.ReactElement) {
  root?.render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

function renderMessage(title: string, text?: string) {
  render(
    <div style={{ margin: 16 }}>
      <NoticeBar intent="error" title={title}>
        {text}
      </NoticeBar>
    </div>,
  );
}

Office.onReady(async (info) => {
  // Opened in a plain browser (or an Office app that does not report a host): say so instead of a blank pane.
  if (!info.host) {
    const strings = await browserStrings();
    renderMessage(strings.notInExcel);
    return;
  }
  let host: PaneHost;
  try {
    host = createOfficeHost();
  } catch (error) {
    const strings = await browserStrings();
    renderMessage(strings.startFailed, errorText(error, strings));
    return;
  }
  render(<App host={host} strings={await loadStrings(paneLanguage(host))} />);
});
