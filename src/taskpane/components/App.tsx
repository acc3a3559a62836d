import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import Button from "./PaneButton";
import PaneText from "./PaneText";
import { ArrowUndo20Regular, Calculator20Regular, Eraser20Regular } from "@fluentui/react-icons";
import type { Fix } from "../../core/fixes";
import type { IgnoredFinding } from "../../core/ignores";
import type { Finding } from "../../core/result";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import type { FindingItem } from "../grouping";
import { withFindingIgnored } from "../ignored";
import { outcomeSaid } from "../said";
import { CancelledError, PaneHost, RecalcStep, Results, StepCounts } from "../pane-host";
import { errorText, Strings } from "../strings";
import NoticeBar from "./NoticeBar";
import PaneTabs from "./PaneTabs";
import RecalcProgress from "./RecalcProgress";
import type { ResultsViewProps } from "./ResultsView";
import PaneSwitch from "./PaneSwitch";
import type { SettingsPanelProps } from "./SettingsPanel";
import { visuallyHidden } from "./styles";
import { useProfileEditor } from "../use-profile-editor";

export interface AppProps {
  /** Everything the pane does to the workbook goes through the host (Office.js or the playground). */
  host: PaneHost;
  /** What the pane says, in the host's language (see loadStrings). */
  strings: Strings;
  /** How long edits settle before they are saved or re-checked, in ms. */
  settleMs?: number;
}

type Phase =
  | { kind: "idle" }
  | { kind: "running"; step: RecalcStep | null; counts: StepCounts | null }
  | { kind: "results"; outcome: Results; run: number }
  | { kind: "no-tables"; message: string }
  | { kind: "error"; message: string };

type Notice = { intent: "success" | "info" | "warning" | "error"; title?: string; text: string; action?: { label: string; run: () => void } };

/** Why the results shown are behind: a new profile, or a workbook changed since the summary was written. */
type Stale = "profile" | "workbook" | null;

/** Counts change at every sheet; the status region says them at most this often (a step change at once). */
const ANNOUNCE_COUNTS_MS = 3000;

/**
 * The settings tab and the results' list come in chunks of their own, fetched once the pane is up,
 * so that the pane's first load stays within 200 KB (issue 13): neither is shown before the pane
 * has been used. A chunk that cannot be fetched (the add-in's server out of reach) leaves its place
 * saying so, not the pane gone.
 */
const loadSettingsPanel = () => import(/* webpackChunkName: "settings" */ "./SettingsPanel");
const SettingsPanel = React.lazy(() =>
  loadSettingsPanel().catch(() => ({ default: ({ strings }: SettingsPanelProps) => <PaneText>{strings.settingsUnavailable}</PaneText> })),
);
const loadResultsView = () => import(/* webpackChunkName: "results" */ "./ResultsView");
const ResultsView = React.lazy(() =>
  loadResultsView().catch(() => ({ default: ({ strings }: ResultsViewProps) => <PaneText>{strings.resultsUnavailable}</PaneText> })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  visuallyHidden,
});

/** The task pane: 一键重算 with progress and cancel, results and findings with fixes and ignores, the scoring profile and undo. */
const App: React.FC<AppProps> = ({ host, strings, settleMs = 600 }) => {
  const styles = useStyles();

  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [profile, setProfile] = React.useState<Profile>(DEFAULT_PROFILE);
  const [canUndo, setCanUndo] = React.useState(false);
  const [undoing, setUndoing] = React.useState(false);
  /** A fix or an ignore is being written. */
  const [busy, setBusy] = React.useState(false);
  const [cleaning, setCleaning] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [tab, setTab] = React.useState<"results" | "settings">("results");
  const [stale, setStale] = React.useState<Stale>(null);
  const [watching, setWatching] = React.useState(false);
  const [announcement, setAnnouncement] = React.useState("");
  /** A notice a screen reader hears too (the status region holds the last run's outcome otherwise). */
  const tell = React.useCallback((next: Notice) => {
    setNotice(next);
    setAnnouncement(next.title ? `${next.title} ${next.text}` : next.text);
  }, []);
  const runCount = React.useRef(0);
  /** The run whose step reports are still shown; null once it has finished. */
  const stepsFrom = React.useRef<number | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const lastAnnounced = React.useRef(0);

  const refreshUndo = React.useCallback(async () => {
    try {
      setCanUndo(await host.hasUndo());
    } catch {
      setCanUndo(false);
    }
  }, [host]);

  React.useEffect(() => {
    let cancelled = false;
    const start = async () => {
      host.prepare?.();
      loadSettingsPanel().catch(() => undefined);
      loadResultsView().catch(() => undefined);
      try {
        const saved = await host.loadProfile();
        if (!cancelled && saved) setProfile(saved);
      } catch (error) {
        if (!cancelled) tell({ intent: "warning", title: strings.profileLoadFailed, text: errorText(error, strings) });
      }
      try {
        const undoable = await host.hasUndo();
        if (!cancelled) setCanUndo(undoable);
      } catch {
        if (!cancelled) setCanUndo(false);
      }
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [host, strings, tell]);

  const running = phase.kind === "running";
  // The toolbar's buttons are disabled while an action runs, which drops the keyboard's focus to
  // the page: it goes back to where the user goes on from, the button itself, or after 撤销 (which
  // may leave nothing to undo) 一键重算; after 采用, 忽略 or 恢复, whose finding has left the list,
  // the findings' heading, which says how many are left (review round 33).
  const recalcButton = React.useRef<HTMLButtonElement>(null);
  const cleanButton = React.useRef<HTMLButtonElement>(null);
  const findingsHeading = React.useRef<HTMLHeadingElement>(null);
  const focusAfter = React.useRef<React.RefObject<HTMLElement> | null>(null);
  const idle = !(running || undoing || cleaning || busy);
  React.useEffect(() => {
    if (!idle || !focusAfter.current) return;
    if (document.activeElement === document.body || document.activeElement === null) focusAfter.current.current?.focus();
    focusAfter.current = null;
  }, [idle]);
  const showResults = (outcome: Results, run: number) => {
    setPhase({ kind: "results", outcome, run });
    setAnnouncement(outcomeSaid(outcome, strings));
  };

  const announceProgress = (text: string) => {
    lastAnnounced.current = Date.now();
    setAnnouncement(text);
  };

  const recalculate = async () => {
    runCount.current += 1;
    const run = runCount.current;
    stepsFrom.current = run;
    const controller = new AbortController();
    abort.current = controller;
    // Nothing is written when a run is cancelled, so what the pane showed before still holds.
    const before = phase;
    setNotice(null);
    setTab("results");
    setPhase({ kind: "running", step: null, counts: null });
    announceProgress(strings.recalculating);
    try {
      const outcome = await host.recalculate(
        profile,
        (step) => {
          if (stepsFrom.current !== run) return;
          setPhase({ kind: "running", step, counts: null });
          announceProgress(strings.runningStep(strings.steps[step]));
        },
        {
          signal: controller.signal,
          onCounts: (step, counts) => {
            if (stepsFrom.current !== run) return;
            setPhase({ kind: "running", step, counts });
            if (Date.now() - lastAnnounced.current >= ANNOUNCE_COUNTS_MS) {
              announceProgress(`${strings.runningStep(strings.steps[step])} ${strings.stepCounts(step, counts.done, counts.total)}`);
            }
          },
        },
      );
      stepsFrom.current = null;
      setStale(null);
      if (outcome.kind === "results") showResults(outcome, run);
      else {
        setPhase({ kind: "no-tables", message: outcome.message });
        setAnnouncement(outcome.message);
      }
    } catch (error) {
      stepsFrom.current = null;
      if (error instanceof CancelledError) {
        setPhase(before.kind === "results" || before.kind === "no-tables" ? before : { kind: "idle" });
        tell({ intent: "info", text: strings.cancelled });
      } else {
        const message = errorText(error, strings);
        setPhase({ kind: "error", message });
        setAnnouncement(message);
      }
    } finally {
      abort.current = null;
    }
    await refreshUndo();
  };

  /** Reads the workbook again without writing, and shows what it finds now. */
  const recheck = React.useCallback(async () => {
    try {
      const outcome = await host.check(profile);
      if (outcome.kind === "results") {
        runCount.current += 1;
        setPhase({ kind: "results", outcome, run: runCount.current });
        setAnnouncement(outcomeSaid(outcome, strings));
        setStale((s) => s ?? "workbook");
      }
    } catch (error) {
      tell({ intent: "error", title: strings.errorTitle, text: errorText(error, strings) });
    }
  }, [host, profile, strings, tell]);

  // Check as you type: every edit re-reads the workbook once the edits have settled; nothing is written.
  const recheckRef = React.useRef(recheck);
  const quiet = React.useRef(false);
  React.useEffect(() => {
    recheckRef.current = recheck;
    quiet.current = running || busy || undoing || cleaning;
  });
  React.useEffect(() => {
    if (!watching) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let stopped = false;
    host
      .watchChanges(() => {
        if (quiet.current) return;
        clearTimeout(timer);
        timer = setTimeout(() => void recheckRef.current(), settleMs);
      })
      .then((remove) => {
        if (stopped) void remove();
        else stop = remove;
      })
      .catch((error: unknown) => {
        setWatching(false);
        tell({ intent: "error", title: strings.errorTitle, text: errorText(error, strings) });
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [watching, host, settleMs, strings, tell]);

  // Settings save themselves (see useProfileEditor); results on screen become stale.
  const editor = useProfileEditor(
    profile,
    async (next) => {
      await host.saveProfile(next);
      setProfile(next);
    },
    strings,
    settleMs,
    () => setStale((s) => (phase.kind === "results" ? "profile" : s)),
  );

  const undo = async () => {
    setUndoing(true);
    setNotice(null);
    try {
      const restored = await host.undoLast();
      if (restored === null) {
        tell({ intent: "info", text: strings.undoNothing });
      } else {
        tell({ intent: "success", text: strings.undoDone(restored) });
        setPhase({ kind: "idle" });
        setStale(null);
      }
    } catch (error) {
      tell({ intent: "error", title: strings.undoFailed, text: errorText(error, strings) });
    } finally {
      setUndoing(false);
    }
    await refreshUndo();
  };

  /** 清除标记; then, offered beside its result, the same with jixiao's summary sheet put away too. */
  const clean = async (removeSummary = false) => {
    focusAfter.current = cleanButton;
    setCleaning(true);
    setNotice(null);
    try {
      const { removed, cleared, unrecordedNotes, toCheck, summaryRemoved, summaryRemovable, summaryWrittenIn } = await host.cleanMarks({ removeSummary });
      const done = strings.cleanDone(removed, cleared);
      if (summaryRemoved !== null) tell({ intent: "success", text: strings.summaryRemoved(summaryRemoved) });
      else if (summaryWrittenIn.length > 0) tell({ intent: "warning", text: strings.summaryWrittenIn(summaryWrittenIn) });
      else if (toCheck.length === 0) {
        const action = summaryRemovable === null ? undefined : { label: strings.removeSummary(summaryRemovable), run: () => void clean(true) };
        tell({ intent: "success", text: done, action });
      } else {
        // jixiao's record did not cover every run: the cells it cannot tell are named to check
        // (with no recorded mark, "no marks to remove" would belie the notes just cleaned).
        tell({ intent: "warning", title: removed > 0 ? done : undefined, text: strings.cleanToCheck(unrecordedNotes, toCheck) });
      }
    } catch (error) {
      tell({ intent: "error", title: strings.cleanFailed, text: errorText(error, strings) });
    } finally {
      setCleaning(false);
    }
    await refreshUndo();
  };

  const selectCell = ({ sheet, cell }: Finding) => {
    host.selectCell(sheet, cell).catch((error: unknown) => {
      tell({ intent: "error", title: strings.selectFailed, text: errorText(error, strings) });
    });
  };

  const applyFixes = async (fixes: Fix[]) => {
    focusAfter.current = findingsHeading;
    setBusy(true);
    setNotice(null);
    try {
      const written = await host.applyFixes(fixes);
      tell({ intent: "success", text: strings.fixDone(written) });
      setStale("workbook");
      await recheck();
    } catch (error) {
      tell({ intent: "error", title: strings.fixFailed, text: errorText(error, strings) });
    } finally {
      setBusy(false);
    }
    await refreshUndo();
  };

  /** Moves a finding between the list and 已忽略 once the workbook's record holds the change. */
  const moveFinding = (change: (outcome: Results) => Results) =>
    setPhase((p) => {
      if (p.kind !== "results") return p;
      const outcome = change(p.outcome);
      setAnnouncement(outcomeSaid(outcome, strings));
      return { ...p, outcome };
    });

  const ignore = async (item: FindingItem, reason: string) => {
    focusAfter.current = findingsHeading;
    setBusy(true);
    try {
      await host.ignore(item.finding, item.place, reason);
      moveFinding((o) => withFindingIgnored(o, item.index, item.finding, item.place, reason));
    } catch (error) {
      tell({ intent: "error", title: strings.ignoreFailed, text: errorText(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  const unignore = async (finding: IgnoredFinding) => {
    focusAfter.current = findingsHeading;
    setBusy(true);
    try {
      await host.unignore(finding);
      await recheck();
    } catch (error) {
      tell({ intent: "error", title: strings.ignoreFailed, text: errorText(error, strings) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.root} aria-busy={running}>
      <h1 className={styles.title}>{strings.appTitle}</h1>
      {/* Always present, so a screen reader hears the result when it arrives (polite: it waits its turn). */}
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      <div className={styles.toolbar}>
        <Button
          ref={recalcButton}
          appearance="primary"
          icon={<Calculator20Regular />}
          onClick={() => {
            focusAfter.current = recalcButton;
            void recalculate();
          }}
          disabled={running || undoing || busy || cleaning}
        >
          {running ? strings.recalculating : strings.recalculate}
        </Button>
        <Button
          icon={<ArrowUndo20Regular />}
          onClick={() => {
            focusAfter.current = recalcButton;
            void undo();
          }}
          disabled={!canUndo || running || undoing || busy || cleaning}
        >
          {undoing ? strings.undoing : strings.undo}
        </Button>
        <Button
          ref={cleanButton}
          icon={<Eraser20Regular />}
          onClick={() => void clean()}
          disabled={running || undoing || busy || cleaning}
        >
          {cleaning ? strings.cleaning : strings.clean}
        </Button>
        <PaneSwitch label={strings.checkAsYouType} checked={watching} onChange={setWatching} title={strings.checkAsYouTypeHint} />
      </div>

      {notice && (
        <NoticeBar
          intent={notice.intent}
          title={notice.title}
          actions={
            notice.action && (
              <Button size="small" onClick={notice.action.run} disabled={running || undoing || busy || cleaning}>
                {notice.action.label}
              </Button>
            )
          }
        >
          {notice.text}
        </NoticeBar>
      )}
      {stale && phase.kind === "results" && (
        <NoticeBar
          intent="warning"
          data-testid="stale"
          actions={
            <Button size="small" onClick={() => void recalculate()} disabled={running || busy}>
              {strings.recalcNow}
            </Button>
          }
        >
          {stale === "profile" ? strings.staleProfile : strings.staleWorkbook}
        </NoticeBar>
      )}

      <PaneTabs
        tabs={[
          { value: "results", id: "jixiao-tab-results", label: strings.tabResults },
          { value: "settings", id: "jixiao-tab-settings", label: strings.tabSettings },
        ]}
        selected={tab}
        onSelect={setTab}
        controls="jixiao-panel"
      />

      <div className={styles.panel} id="jixiao-panel" role="tabpanel" aria-labelledby={tab === "results" ? "jixiao-tab-results" : "jixiao-tab-settings"}>
        {tab === "settings" ? (
          <React.Suspense fallback={null}>
            <SettingsPanel
              form={editor.form}
              profile={profile}
              onChange={editor.onChange}
              status={editor.status}
              strings={strings}
              disabled={running}
            />
          </React.Suspense>
        ) : (
          <PhaseView
            phase={phase}
            strings={strings}
            busy={busy || running}
            onCancel={() => abort.current?.abort()}
            onSelect={selectCell}
            onFix={applyFixes}
            onIgnore={ignore}
            onUnignore={unignore}
            headingRef={findingsHeading}
          />
        )}
      </div>
    </main>
  );
};

interface PhaseViewProps {
  phase: Phase;
  strings: Strings;
  busy: boolean;
  onCancel: () => void;
  onSelect: (finding: Finding) => void;
  onFix: (fixes: Fix[]) => Promise<void>;
  onIgnore: (item: FindingItem, reason: string) => Promise<void>;
  onUnignore: (finding: IgnoredFinding) => Promise<void>;
  headingRef: React.Ref<HTMLHeadingElement>;
}

function PhaseView({ phase, strings, onCancel, ...actions }: PhaseViewProps) {
  switch (phase.kind) {
    case "idle":
      return <PaneText>{strings.idleHint}</PaneText>;
    case "running":
      return <RecalcProgress step={phase.step} counts={phase.counts} strings={strings} onCancel={onCancel} />;
    case "results":
      // Not keyed by run: a re-check keeps the search and the toggles the user set.
      return (
        <React.Suspense fallback={null}>
          <ResultsView outcome={phase.outcome} strings={strings} {...actions} />
        </React.Suspense>
      );
    case "no-tables":
      return <NoticeBar intent="warning">{phase.message}</NoticeBar>;
    case "error":
      return (
        <NoticeBar intent="error" title={strings.errorTitle}>
          {phase.message}
        </NoticeBar>
      );
  }
}

export default App;
