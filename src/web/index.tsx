/**
 * 绩效自评助手（网页版）: open or drop many .xlsx files; each is read, checked and scored in a Web
 * Worker with its progress shown; per file the task pane's results view, its sheets with the marked
 * cells, the scored copy and the JSON report to download; the review of all files (汇总.xlsx) to download. Nothing leaves the
 * browser; a service worker (src/web/sw.ts) keeps the page working offline once loaded. The page
 * itself is src/web/App.tsx.
 */
/* global document, navigator, window, location, caches */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../core/messages";
import App from "./App";
import { Scorer, WORKER_SCRIPT } from "./scorer";
import { PAGE_STRINGS } from "./strings";

/** Keeps what this page loaded in the cache the service worker answers from when offline. */
async function keepForOffline(): Promise<void> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  await navigator.serviceWorker.register("web-sw.js");
  const scripts = Array.from(document.scripts, (s) => s.src).filter(Boolean);
  const cache = await caches.open("jixiao-web");
  await cache.addAll([location.pathname, ...scripts, WORKER_SCRIPT]);
}

const lang: Lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
document.title = PAGE_STRINGS[lang].title;
// A few workers, leaving a core to the page.
const scorer = new Scorer(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)));
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <App lang={lang} scorer={scorer} />
  </FluentProvider>,
);
keepForOffline().catch(() => undefined); // the page works online without it (file://, old browsers)
