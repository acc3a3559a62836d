import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import PaneText from "./PaneText";
import type { SummaryLevel1 } from "../../core/summary-types";
import type { Strings } from "../strings";
import PaneBar from "./PaneBar";
import { stackedList } from "./styles";

export interface LevelBarsProps {
  levels: SummaryLevel1[];
  strings: Strings;
}

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS),
  row: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    rowGap: tokens.spacingVerticalXXS,
  },
  bar: { gridColumnStart: 1, gridColumnEnd: 3 },
  score: { fontVariantNumeric: "tabular-nums" },
});

/** The core's score ÷ weight (null where it cannot be known) as a number in [0, 1], for the bar. */
export function levelRate(level: SummaryLevel1): number | null {
  return level.rate === null ? null : Math.min(1, Math.max(0, Number(level.rate)));
}

/**
 * Red under 60 %, amber under 80 %: the default profile's bands for a qualitative indicator
 * (未达成, 部分达成) and its grades' steps (中 from 60, 良 from 80 of 100). The pane is not handed
 * the profile, so a unit's own bands do not move them.
 */
function barColor(rate: number | null): "brand" | "warning" | "error" {
  if (rate === null) return "brand";
  if (rate < 0.6) return "error";
  if (rate < 0.8) return "warning";
  return "brand";
}

/** Each 一级指标's score against its weight, as a labelled bar. */
const LevelBars: React.FC<LevelBarsProps> = ({ levels, strings }) => {
  const styles = useStyles();
  if (levels.length === 0) return <PaneText>{strings.noLevels}</PaneText>;
  return (
    <ul className={styles.list} aria-label={strings.levelsTitle}>
      {levels.map((level, index) => {
        const rate = levelRate(level);
        const score = level.score ?? strings.noValue;
        const weight = level.weight ?? strings.noValue;
        return (
          <li key={`${level.name}-${index}`} className={styles.row}>
            <PaneText weight="semibold">{level.name}</PaneText>
            <PaneText className={styles.score}>{strings.levelScore(score, weight)}</PaneText>
            <PaneBar
              className={styles.bar}
              thickness="large"
              color={barColor(rate)}
              value={rate ?? 0}
              max={1}
              aria-label={strings.levelBarLabel(level.name, score, weight)}
            />
          </li>
        );
      })}
    </ul>
  );
};

export default LevelBars;
