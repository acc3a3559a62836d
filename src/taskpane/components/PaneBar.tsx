/**
 * A determinate bar, as Fluent's ProgressBar draws one: a track, a fill as wide as the value, and
 * role="progressbar" with the value for assistive technology. The pane's own: ProgressBar brought
 * react-progress and react-motion into the pane for these few lines.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export interface PaneBarProps {
  /** From 0 to `max`. */
  value: number;
  max?: number;
  color?: "brand" | "warning" | "error";
  thickness?: "medium" | "large";
  className?: string;
  "aria-label": string;
}

const useStyles = makeStyles({
  track: {
    display: "block",
    width: "100%",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground6,
    borderRadius: tokens.borderRadiusMedium,
  },
  medium: { height: "2px" },
  large: { height: "4px" },
  fill: { height: "100%", transitionProperty: "width", transitionDuration: tokens.durationNormal, transitionTimingFunction: tokens.curveEasyEase },
  brand: { backgroundColor: tokens.colorCompoundBrandBackground },
  warning: { backgroundColor: tokens.colorStatusWarningBackground3 },
  error: { backgroundColor: tokens.colorStatusDangerBackground3 },
});

export default function PaneBar({ value, max = 1, color = "brand", thickness = "medium", className, "aria-label": label }: PaneBarProps) {
  const styles = useStyles();
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className={mergeClasses(styles.track, styles[thickness], className)}
    >
      <div className={mergeClasses(styles.fill, styles[color])} style={{ width: `${share * 100}%` }} />
    </div>
  );
}
