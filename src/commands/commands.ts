/* global Office, window, setTimeout, clearTimeout */
/**
 * The FunctionFile behind the ribbon's 一键重算 button (ExecuteFunction "recalculate"). It runs the
 * same recalculation as the task pane, through createOfficeHost() and the saved scoring profile
 * (or the default), then tells the user the total, the grade and how many findings there are.
 *
 * How the result is shown: Excel has no add-in notification API (notificationMessages is Outlook
 * only), and the task pane may well be closed, so the command opens a small dialog, notice.html,
 * with Office.context.ui.displayDialogAsync, passing the text in the URL query. That works from a
 * function file on every Excel platform with DialogApi 1.1. event.completed() is called when the
 * dialog is closed (its OK button, Escape, or the ×), because completing the command may unload
 * this runtime and the dialog with it; it is also called when the dialog cannot open, and after
 * five minutes at most. It is always called.
 */
import { DEFAULT_PROFILE, Profile } from "../core/profile";
import { severityCounts } from "../core/result";
import { createOfficeHost } from "../taskpane/office-host";
import { formLines } from "../taskpane/said";
import type { PaneHost, RecalcOutcome } from "../taskpane/pane-host";
import type { Lang } from "../core/messages";
import { errorText, loadStrings, paneLanguage, Strings } from "../taskpane/strings";

type NoticeKind = "success" | "warning" | "error";

interface Notice {
  kind: NoticeKind;
  title: string;
  lines: string[];
}

const MAX_WAIT_MS = 5 * 60 * 1000;

/** What the notice says about a recalculation's outcome. */
export function describeOutcome(outcome: RecalcOutcome, strings: Strings): Notice {
  const c = strings.command;
  if (outcome.kind === "no-tables") {
    return { kind: "warning", title: c.noTables, lines: [outcome.message] };
  }
  const counts = severityCounts(outcome.findings);
  // Several forms have no one total: each form's line, as the pane lists them (review round 33).
  const headline =
    outcome.totals.length > 1 ? formLines(outcome, strings) : [c.summary(outcome.total ?? strings.noValue, outcome.grade ?? strings.noValue, outcome.gradeReason)];
  return {
    kind: counts.error > 0 ? "warning" : "success",
    title: c.noticeTitle,
    lines: [
      ...headline,
      outcome.findings.length === 0 ? c.noFindings : c.findings(counts.error, counts.warning, counts.info),
      c.writtenTo(outcome.summarySheet),
    ],
  };
}

/** Opens notice.html and resolves when it has been closed (or could not be opened). */
function showNotice(notice: Notice, lang: Lang): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    let dialog: Office.Dialog | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // Already closed.
      }
      resolve();
    };
    const timer = setTimeout(finish, MAX_WAIT_MS);

    const url = new URL("notice.html", window.location.href);
    url.search = "";
    url.searchParams.set("lang", lang);
    url.searchParams.set("kind", notice.kind);
    url.searchParams.set("title", notice.title);
    url.searchParams.set("message", notice.lines.join("\n"));

    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 35, width: 30, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            finish();
            return;
          }
          dialog = result.value;
          // Any message from notice.html means "close"; DialogEventReceived means it was closed or failed.
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        },
      );
    } catch {
      finish();
    }
  });
}

async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  let host: PaneHost | undefined;
  let notice: Notice;
  try {
    const officeHost: PaneHost = createOfficeHost();
    host = officeHost;
    let profile: Profile = DEFAULT_PROFILE;
    try {
      profile = (await officeHost.loadProfile()) ?? DEFAULT_PROFILE;
    } catch {
      // An unreadable saved profile should not stop the recalculation: use the default.
    }
    const outcome = await officeHost.recalculate(profile, () => undefined);
    notice = describeOutcome(outcome, await loadStrings(paneLanguage(officeHost)));
  } catch (error) {
    const strings = await loadStrings(paneLanguage(host));
    notice = { kind: "error", title: strings.command.failed, lines: [errorText(error, strings)] };
  }
  try {
    await showNotice(notice, paneLanguage(host));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("recalculate", recalculate);
});
