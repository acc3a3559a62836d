import * as React from "react";
import {
  createFocusOutlineStyle,
  Field,
  makeStyles,
  Select,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../core/result";
import type { Strings } from "../strings";
import { stackedList } from "./styles";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface FindingsListProps {
  findings: Finding[];
  strings: Strings;
  /** Called when a finding is activated (click or Enter). */
  onSelect: (sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  toggles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  ruleField: { minWidth: "160px", flexGrow: 1 },
  heading: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: stackedList(tokens.spacingVerticalXXS),
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  where: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  cell: { fontWeight: tokens.fontWeightSemibold },
  rule: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

function SeverityIcon({ severity, className }: { severity: Severity; className: string }) {
  if (severity === "error") return <ErrorCircle16Filled className={className} aria-hidden="true" />;
  if (severity === "warning") return <Warning16Filled className={className} aria-hidden="true" />;
  return <Info16Filled className={className} aria-hidden="true" />;
}

/**
 * Findings grouped by severity, with a severity toggle and a rule filter. Each finding is a real
 * button (click, Enter or Space selects its cell); arrow keys, Home and End move between findings,
 * and only one finding is in the Tab order.
 */
const FindingsList: React.FC<FindingsListProps> = ({ findings, strings, onSelect }) => {
  const styles = useStyles();
  const headingId = React.useId();
  const hintId = React.useId();
  const [shown, setShown] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [rule, setRule] = React.useState("");
  const [active, setActive] = React.useState(0);
  const buttons = React.useRef<(HTMLButtonElement | null)[]>([]);

  const ruleOptions = React.useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [findings]);

  const byRule = React.useMemo(() => (rule ? findings.filter((f) => f.rule === rule) : findings), [findings, rule]);
  const groups = SEVERITIES.map((severity) => ({
    severity,
    items: byRule.filter((f) => f.severity === severity),
  }));
  const shownGroups = groups.filter((g) => shown[g.severity] && g.items.length > 0);
  /** Each shown group with the flat index of its first finding, for arrow-key navigation. */
  const laidOut = shownGroups.map((g, gi) => ({
    ...g,
    start: shownGroups.slice(0, gi).reduce((n, prev) => n + prev.items.length, 0),
  }));
  const visible = shownGroups.flatMap((g) => g.items);
  const activeIndex = Math.min(active, Math.max(visible.length - 1, 0));

  const focusAt = (index: number) => {
    const target = Math.min(Math.max(index, 0), visible.length - 1);
    setActive(target);
    buttons.current[target]?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>, index: number, finding: Finding) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(visible.length - 1);
        break;
      case "Enter":
        // Handled here (and the native click suppressed) so that Enter selects exactly once.
        event.preventDefault();
        onSelect(finding.sheet, finding.cell);
        break;
      default:
        break;
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {strings.findingsTitle(findings.length)}
      </h2>
      {findings.length === 0 ? (
        <Text>{strings.noFindings}</Text>
      ) : (
        <>
          <div className={styles.filters}>
            <div className={styles.toggles} role="group" aria-label={strings.severityFilter}>
              {groups.map(({ severity, items }) => (
                <ToggleButton
                  key={severity}
                  size="small"
                  checked={shown[severity]}
                  icon={<SeverityIcon severity={severity} className={styles[severity]} />}
                  onClick={() => {
                    setShown((prev) => ({ ...prev, [severity]: !prev[severity] }));
                    setActive(0);
                  }}
                >
                  {strings.severityGroup(strings.severity[severity], items.length)}
                </ToggleButton>
              ))}
            </div>
            <Field label={strings.ruleFilter} size="small" className={styles.ruleField}>
              <Select
                value={rule}
                onChange={(_, data) => {
                  setRule(data.value);
                  setActive(0);
                }}
              >
                <option value="">{strings.allRules}</option>
                {ruleOptions.map(([id, count]) => (
                  <option key={id} value={id}>
                    {strings.ruleOption(id, count)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Text id={hintId} size={200} className={styles.hint}>
            {strings.findingHint}
          </Text>
          {visible.length === 0 ? (
            <Text>{strings.noMatchingFindings}</Text>
          ) : (
            laidOut.map((group) => {
              const groupId = `${headingId}-${group.severity}`;
              return (
                <section key={group.severity} aria-labelledby={groupId} data-severity={group.severity}>
                  <h3 id={groupId} className={styles.heading}>
                    <SeverityIcon severity={group.severity} className={styles[group.severity]} />
                    {strings.severityGroup(strings.severity[group.severity], group.items.length)}
                  </h3>
                  <ul className={styles.list}>
                    {group.items.map((finding, i) => {
                      const index = group.start + i;
                      return (
                        <li key={`${finding.sheet}!${finding.cell}-${finding.rule}-${i}`}>
                          <button
                            type="button"
                            ref={(el) => {
                              buttons.current[index] = el;
                            }}
                            className={styles.finding}
                            tabIndex={index === activeIndex ? 0 : -1}
                            aria-describedby={hintId}
                            data-finding=""
                            onFocus={() => setActive(index)}
                            onClick={() => onSelect(finding.sheet, finding.cell)}
                            onKeyDown={(event) => onKeyDown(event, index, finding)}
                          >
                            <span className={styles.where}>
                              <span className={styles.cell}>{`${finding.sheet}!${finding.cell}`}</span>
                              <span className={styles.rule}>{finding.rule}</span>
                            </span>
                            <span>{finding.message}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })
          )}
        </>
      )}
    </section>
  );
};

export default FindingsList;
