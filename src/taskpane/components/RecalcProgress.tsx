import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import Button from "./PaneButton";
import PaneText from "./PaneText";
import { CheckmarkCircle20Filled, Circle20Regular } from "@fluentui/react-icons";
import type { RecalcStep, StepCounts } from "../pane-host";
import type { Strings } from "../strings";
import PaneBar from "./PaneBar";
import PaneSpinner from "./PaneSpinner";
import { stackedList, visuallyHidden } from "./styles";

export const RECALC_STEPS: RecalcStep[] = ["read", "detect", "validate", "score", "write"];

export interface RecalcProgressProps {
  /** The step under way; null before the host reports the first one. */
  step: RecalcStep | null;
  /** How far the step got, when the host says. */
  counts?: StepCounts | null;
  strings: Strings;
  /** Stops the run before anything is written: offered until the write step. */
  onCancel?: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  steps: stackedList(tokens.spacingVerticalXS),
  step: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  done: { color: tokens.colorNeutralForeground1 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  doneIcon: { color: tokens.colorPaletteGreenForeground1 },
  icon: { display: "inline-flex", width: "20px", justifyContent: "center" },
  visuallyHidden,
});

/**
 * 读取 → 识别 → 校验 → 计算 → 写回, with the finished steps ticked, the current one spinning and its
 * counts (第 12 / 300 张表); the bar moves on within a step as its counts rise.
 */
const RecalcProgress: React.FC<RecalcProgressProps> = ({ step, counts = null, strings, onCancel }) => {
  const styles = useStyles();
  // The run stops at its next pause (within 50 ms); until then the button says so.
  const [cancelling, setCancelling] = React.useState(false);
  const current = step === null ? 0 : RECALC_STEPS.indexOf(step);
  const label = step === null ? strings.recalculating : strings.runningStep(strings.steps[step]);
  const withinStep = counts && counts.total > 0 ? counts.done / counts.total : 0;

  return (
    <section className={styles.root} aria-label={strings.progressLabel}>
      {/* The pane's live region announces progress; this is what sighted users read. */}
      <PaneText weight="semibold">{label}</PaneText>
      {counts && step && <PaneText data-testid="step-counts">{strings.stepCounts(step, counts.done, counts.total)}</PaneText>}
      <PaneBar value={(current + withinStep) / RECALC_STEPS.length} aria-label={strings.progressLabel} />
      <ol className={styles.steps}>
        {RECALC_STEPS.map((s, index) => {
          const state = index < current ? "done" : index === current && step !== null ? "current" : "pending";
          const stateText =
            state === "done" ? strings.stepDone : state === "current" ? strings.stepCurrent : strings.stepPending;
          return (
            <li
              key={s}
              data-step={s}
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
              className={mergeClasses(
                styles.step,
                state === "done" && styles.done,
                state === "current" && styles.current,
              )}
            >
              <span className={styles.icon} aria-hidden="true">
                {state === "done" ? (
                  <CheckmarkCircle20Filled className={styles.doneIcon} />
                ) : state === "current" ? (
                  <PaneSpinner />
                ) : (
                  <Circle20Regular />
                )}
              </span>
              <PaneText>{strings.steps[s]}</PaneText>
              <span className={styles.visuallyHidden}>{stateText}</span>
            </li>
          );
        })}
      </ol>
      {onCancel &&
        (step === "write" ? (
          <PaneText>{strings.writeNotCancellable}</PaneText>
        ) : (
          <div>
            <Button
              disabledFocusable={cancelling}
              onClick={() => {
                setCancelling(true);
                onCancel();
              }}
            >
              {cancelling ? strings.cancelling : strings.cancelRun}
            </Button>
          </div>
        ))}
    </section>
  );
};

export default RecalcProgress;
