/** Style pieces the pane's components share (Griffel style objects, spread into makeStyles). */
import type { GriffelStyle } from "@fluentui/react-components";

/** A <ul> or <ol> without bullets or indent, its items stacked with `gap` between them. */
export function stackedList(gap: string): GriffelStyle {
  return { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: gap };
}
