/**
 * The turning ring of a step under way, as Fluent's Spinner draws its extra-tiny one. The pane's
 * own: Spinner brought react-spinner into the pane for these few lines. Only drawn: the step's
 * state is told in words beside it.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  ring: {
    display: "inline-block",
    boxSizing: "border-box",
    width: "16px",
    height: "16px",
    borderRadius: tokens.borderRadiusCircular,
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "1s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media screen and (prefers-reduced-motion: reduce)": { animationDuration: "3s" },
  },
});

export default function PaneSpinner() {
  const styles = useStyles();
  return <span className={styles.ring} />;
}
