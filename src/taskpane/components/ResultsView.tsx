import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import PaneText from "./PaneText";
import { formLines } from "../said";
import type { Results } from "../pane-host";
import FindingsList, { FindingsListProps } from "./FindingsList";
import LevelBars from "./LevelBars";
import { stackedList } from "./styles";

export type { Results };

export interface ResultsViewProps extends Omit<FindingsListProps, "results"> {
  outcome: Results;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  headline: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", margin: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  tableTotals: { ...stackedList(tokens.spacingVerticalXS), fontVariantNumeric: "tabular-nums" },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Total and grade, the 一级指标 bars and the findings of one recalculation. */
const ResultsView: React.FC<ResultsViewProps> = ({ outcome, strings, ...actions }) => {
  const styles = useStyles();
  const levelsId = React.useId();
  return (
    <div className={styles.root}>
      <dl className={styles.headline}>
        <div className={styles.figure}>
          <dt className={styles.label}>{strings.total}</dt>
          <dd className={styles.value} data-testid="total">
            {outcome.total ?? strings.noValue}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{strings.grade}</dt>
          <dd className={styles.value} data-testid="grade">
            {outcome.grade ?? strings.noValue}
          </dd>
        </div>
      </dl>
      {outcome.totals.length === 0 && <PaneText data-testid="no-totals">{strings.noTotals}</PaneText>}
      {/* Several forms (projects) have no one total: each its own, as the command line prints them. */}
      {outcome.totals.length > 1 && (
        <ul className={styles.tableTotals} data-testid="table-totals">
          {formLines(outcome, strings).map((line, i) => (
            <li key={`${outcome.totals[i].sheet}!${outcome.totals[i].table}`}>{line}</li>
          ))}
        </ul>
      )}
      {outcome.gradeReason && (
        <PaneText size={200} weight="semibold" data-testid="grade-reason">
          {outcome.gradeReason}
        </PaneText>
      )}
      {!outcome.checkOnly && <PaneText size={200}>{strings.written(outcome.summarySheet, outcome.written, outcome.marked)}</PaneText>}
      {outcome.hiddenSheets.length > 0 && (
        <PaneText size={200} data-testid="hidden-sheets">
          {strings.hiddenSheets(outcome.hiddenSheets)}
        </PaneText>
      )}
      <section aria-labelledby={levelsId}>
        <h2 id={levelsId} className={styles.heading}>
          {strings.levelsTitle}
        </h2>
        <LevelBars levels={outcome.levels} strings={strings} />
      </section>
      <FindingsList results={outcome} strings={strings} {...actions} />
    </div>
  );
};

export default ResultsView;
