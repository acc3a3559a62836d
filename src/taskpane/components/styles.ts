/** Style pieces the pane's components share (Griffel style objects, spread into makeStyles). */
import { shorthands, tokens, type GriffelStyle } from "@fluentui/react-components";

/** Read by screen readers, not shown (a live region's text, a file input behind its button). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** A <ul> or <ol> without bullets or indent, its items stacked with `gap` between them. */
export function stackedList(gap: string): GriffelStyle {
  return { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: gap };
}

/**
 * A native form control (<select>, <input>) drawn as Fluent's outline controls are: a thin border,
 * a darker line under it, the brand colour's line under it when focused, greyed when disabled.
 */
export const outlineControl: GriffelStyle = {
  boxSizing: "border-box",
  height: "32px",
  paddingLeft: tokens.spacingHorizontalS,
  paddingRight: tokens.spacingHorizontalXS,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  borderBottomColor: tokens.colorNeutralStrokeAccessible,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  ":disabled": { cursor: "not-allowed", color: tokens.colorNeutralForegroundDisabled, ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled) },
};

/** The smaller size of `outlineControl`, as Fluent's size="small". */
export const smallControl: GriffelStyle = { height: "24px", fontSize: tokens.fontSizeBase200 };
