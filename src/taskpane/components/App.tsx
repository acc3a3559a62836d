import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndo20Regular, Calculator20Regular, Eraser20Regular } from "@fluentui/react-icons";
import { DEFAULT_PROFILE, Profile } from "../../core/profile";
import type { Lang, PaneHost, RecalcStep } from "../pane-host";
import { errorText, STRINGS, Strings } from "../strings";
import RecalcProgress from "./RecalcProgress";
import ResultsView, { Results } from "./ResultsView";
import SettingsPanel from "./SettingsPanel";

export interface AppProps {
  /** Everything the pane does to the workbook goes through the host (Office.js or the playground). */
  host: PaneHost;
}

type Phase =
  | { kind: "idle" }
  | { kind: "running"; step: RecalcStep | null }
  | { kind: "results"; outcome: Results; run: number }
  | { kind: "no-tables"; message: string }
  | { kind: "error"; message: string };

type Notice = { intent: "success" | "info" | "warning" | "error"; title?: string; text: string };

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
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  toolbar: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

function languageOf(host: PaneHost): Lang {
  try {
    return host.language() === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

/** The task pane: 一键重算 with progress, results, findings, the scoring profile and undo. */
const App: React.FC<AppProps> = ({ host }) => {
  const styles = useStyles();
  const strings: Strings = STRINGS[languageOf(host)];

  const [phase, setPhase] = React.useState<Phase>({ kind: "idle" });
  const [profile, setProfile] = React.useState<Profile>(DEFAULT_PROFILE);
  /** Bumped when a saved profile arrives, so the settings form starts again from it. */
  const [profileVersion, setProfileVersion] = React.useState(0);
  const [canUndo, setCanUndo] = React.useState(false);
  const [undoing, setUndoing] = React.useState(false);
  const [cleaning, setCleaning] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [tab, setTab] = React.useState<"results" | "settings">("results");
  const runCount = React.useRef(0);
  /** The run whose step reports are still shown; null once it has finished. */
  const stepsFrom = React.useRef<number | null>(null);

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
      try {
        const saved = await host.loadProfile();
        if (!cancelled && saved) {
          setProfile(saved);
          setProfileVersion((v) => v + 1);
        }
      } catch (error) {
        if (!cancelled) {
          setNotice({ intent: "warning", title: strings.profileLoadFailed, text: errorText(error, strings) });
        }
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
  }, [host, strings]);

  const running = phase.kind === "running";

  const recalculate = async () => {
    runCount.current += 1;
    const run = runCount.current;
    stepsFrom.current = run;
    setNotice(null);
    setTab("results");
    setPhase({ kind: "running", step: null });
    try {
      const outcome = await host.recalculate(profile, (step) => {
        if (stepsFrom.current === run) setPhase({ kind: "running", step });
      });
      stepsFrom.current = null;
      setPhase(
        outcome.kind === "results"
          ? { kind: "results", outcome, run }
          : { kind: "no-tables", message: outcome.message },
      );
    } catch (error) {
      stepsFrom.current = null;
      setPhase({ kind: "error", message: errorText(error, strings) });
    }
    await refreshUndo();
  };

  const undo = async () => {
    setUndoing(true);
    setNotice(null);
    try {
      const restored = await host.undoLast();
      if (restored === null) {
        setNotice({ intent: "info", text: strings.undoNothing });
      } else {
        setNotice({ intent: "success", text: strings.undoDone(restored) });
        setPhase({ kind: "idle" });
      }
    } catch (error) {
      setNotice({ intent: "error", title: strings.undoFailed, text: errorText(error, strings) });
    } finally {
      setUndoing(false);
    }
    await refreshUndo();
  };

  const clean = async () => {
    setCleaning(true);
    setNotice(null);
    try {
      setNotice({ intent: "success", text: strings.cleanDone(await host.cleanMarks()) });
    } catch (error) {
      setNotice({ intent: "error", title: strings.cleanFailed, text: errorText(error, strings) });
    } finally {
      setCleaning(false);
    }
    await refreshUndo();
  };

  const selectCell = (sheet: string, cell: string) => {
    host.selectCell(sheet, cell).catch((error: unknown) => {
      setNotice({ intent: "error", title: strings.selectFailed, text: errorText(error, strings) });
    });
  };

  const saveProfile = async (edited: Profile) => {
    await host.saveProfile(edited);
    setProfile(edited);
  };

  return (
    <main className={styles.root} aria-busy={running}>
      <h1 className={styles.title}>{strings.appTitle}</h1>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<Calculator20Regular />}
          onClick={() => void recalculate()}
          disabled={running || undoing}
        >
          {running ? strings.recalculating : strings.recalculate}
        </Button>
        <Button icon={<ArrowUndo20Regular />} onClick={() => void undo()} disabled={!canUndo || running || undoing}>
          {undoing ? strings.undoing : strings.undo}
        </Button>
        <Button icon={<Eraser20Regular />} onClick={() => void clean()} disabled={running || undoing || cleaning}>
          {cleaning ? strings.cleaning : strings.clean}
        </Button>
      </div>

      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}

      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value === "settings" ? "settings" : "results")}
      >
        <Tab value="results" id="jixiao-tab-results" aria-controls="jixiao-panel">
          {strings.tabResults}
        </Tab>
        <Tab value="settings" id="jixiao-tab-settings" aria-controls="jixiao-panel">
          {strings.tabSettings}
        </Tab>
      </TabList>

      <div
        className={styles.panel}
        id="jixiao-panel"
        role="tabpanel"
        aria-labelledby={tab === "results" ? "jixiao-tab-results" : "jixiao-tab-settings"}
      >
        {tab === "settings" ? (
          <SettingsPanel
            key={profileVersion}
            profile={profile}
            strings={strings}
            onSave={saveProfile}
            disabled={running}
          />
        ) : (
          <PhaseView phase={phase} strings={strings} onSelect={selectCell} />
        )}
      </div>
    </main>
  );
};

function PhaseView({
  phase,
  strings,
  onSelect,
}: {
  phase: Phase;
  strings: Strings;
  onSelect: (sheet: string, cell: string) => void;
}) {
  switch (phase.kind) {
    case "idle":
      return <Text>{strings.idleHint}</Text>;
    case "running":
      return <RecalcProgress step={phase.step} strings={strings} />;
    case "results":
      return <ResultsView key={phase.run} outcome={phase.outcome} strings={strings} onSelect={onSelect} />;
    case "no-tables":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>{phase.message}</MessageBarBody>
        </MessageBar>
      );
    case "error":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
            {phase.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

export default App;
