/* global document, window, Office */
/**
 * The dialog the ribbon's 一键重算 command opens (see commands.ts): shows the title and message
 * passed in the URL query (?lang=zh|en&kind=success|warning|error&title=…&message=…) and tells the
 * command to close it when the user presses OK.
 */
import { zh } from "../taskpane/strings";
import { en } from "../taskpane/strings-en";

const params = new URLSearchParams(window.location.search);
const lang = params.get("lang") === "en" ? "en" : "zh";
const strings = { zh, en }[lang];
const kind = params.get("kind");

document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
document.body.dataset.kind = kind === "warning" || kind === "error" ? kind : "success";

const title = params.get("title") || strings.command.noticeTitle;
document.title = title;
const titleElement = document.getElementById("title");
if (titleElement) titleElement.textContent = title;

const messageElement = document.getElementById("message");
if (messageElement) {
  for (const line of (params.get("message") || "").split("\n")) {
    if (!line.trim()) continue;
    const p = document.createElement("p");
    p.textContent = line;
    messageElement.appendChild(p);
  }
}

const ok = document.getElementById("ok");
let officeReady = false;

function close() {
  if (officeReady) {
    try {
      Office.context.ui.messageParent("close");
      return;
    } catch {
      // Fall through: not opened by displayDialogAsync.
    }
  }
  window.close();
}

if (ok) {
  ok.textContent = strings.command.ok;
  ok.addEventListener("click", close);
  ok.focus();
}
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") close();
});

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    officeReady = true;
  });
}
