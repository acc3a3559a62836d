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

/** score ÷ weight as a number in [0, 1], or null when it cannot be known. */
export function levelRate(level: SummaryLevel1): number | null {
  let rate: number | null = null;
  if (level.rate !== null && level.rate !== "") {
    rate = Number(level.rate);
  } else if (level.score !== null && level.weight !== null && Number(level.weight) > 0) {
    rate = Number(level.score) / Number(level.weight);
  }
  if (rate === null || !Number.isFinite(rate)) return null;
  return Math.min(1, Math.max(0, rate));
}

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
