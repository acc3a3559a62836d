import * as React from "react";
import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export interface PaneTab<T extends string> {
  value: T;
  /** The tab's element id, for the panel's aria-labelledby. */
  id: string;
  label: string;
}

export interface PaneTabsProps<T extends string> {
  tabs: PaneTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  /** The id of the panel the tabs show. */
  controls: string;
}

const useStyles = makeStyles({
  list: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  tab: {
    position: "relative",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    // The selection bar under the label: grey on hover, brand colour when selected.
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
    },
    ":hover": { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorTransparentBackgroundHover },
    ":hover::after": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ...createFocusOutlineStyle(),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
});

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The pane's tabs (结果 / 评分方案), as WAI-ARIA's tabs pattern: a tablist whose selected tab is the
 * one in the Tab order; the arrow keys (round the ends), Home and End move among the tabs, Enter,
 * Space or a click selects. Fluent's TabList does the same for two tabs at the price of 23 KB
 * gzipped, an eighth of the pane's script: its styles, and tabster (its arrow keys), which nothing
 * else in the pane uses.
 */
function PaneTabs<T extends string>({ tabs, selected, onSelect, controls }: PaneTabsProps<T>): React.ReactElement {
  const styles = useStyles();
  const buttons = React.useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    buttons.current[move(index, tabs.length)]?.focus();
  };

  return (
    <div role="tablist" aria-orientation="horizontal" className={styles.list}>
      {tabs.map((tab, index) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tab.id}
            aria-selected={isSelected}
            aria-controls={controls}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export default PaneTabs;
