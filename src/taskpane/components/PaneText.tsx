/**
 * A line of the pane's text, as Fluent's Text draws it at its default size (14 px, or 12 px at
 * size 200) and weight (or semibold). The pane's own: Text brought its whole type ramp of sizes,
 * fonts and wraps for these two (review round 33 made room in the 200 KB budget so).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
  },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  semibold: { fontWeight: tokens.fontWeightSemibold },
});

export interface PaneTextProps extends React.HTMLAttributes<HTMLSpanElement> {
  size?: 200;
  weight?: "semibold";
  "data-testid"?: string;
}

export default function PaneText({ size, weight, className, ...rest }: PaneTextProps) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.root, size === 200 && styles.small, weight === "semibold" && styles.semibold, className)} {...rest} />;
}
