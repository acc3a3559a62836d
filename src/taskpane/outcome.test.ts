/** @jest-environment jsdom */
import { SAMPLE_RESULTS } from "./components/test-helpers";
import { analyze } from "../core/analyze";
import { DEFAULT_PROFILE } from "../core/profile";
import { INDICATOR_HEADER, sheet as gridSheet } from "../../test/support/grid";
import { withFindingIgnored } from "./ignored";
import { resultsOf } from "./outcome";

test("ignoring a finding takes it and its place out, drops its fix, renumbers the fixes after it and lists it as ignored", () => {
  const results = {
    ...SAMPLE_RESULTS,
    fixes: [
      { ...SAMPLE_RESULTS.fixes[0], finding: 0, cell: "H8" },
      { ...SAMPLE_RESULTS.fixes[0], finding: 1, cell: "H9" },
      { ...SAMPLE_RESULTS.fixes[0], finding: 2, cell: "H10" },
    ],
  };
  const [finding, place] = [results.findings[1], results.places[1]];
  const untouched = JSON.parse(JSON.stringify(results));
  const after = withFindingIgnored(results, 1, finding, place, "上级下达");
  expect(after.findings).toEqual([results.findings[0], ...results.findings.slice(2)]);
  expect(after.places).toEqual([results.places[0], ...results.places.slice(2)]);
  expect(after.fixes.map((f) => [f.finding, f.cell])).toEqual([
    [0, "H8"],
    [1, "H10"],
  ]);
  expect(after.ignored).toEqual([{ ...finding, reason: "上级下达", place }]);
  // The results it came from are left as they were.
  expect(results).toEqual(untouched);
});

test("each total's headline comes with the results: a total that cannot carry a grade has none, and why", () => {
  const rows = [
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 60, 60, ""],
    ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 50, 50, ""],
  ];
  const grid = { sheets: [gridSheet({ name: "自评表", rows })] };
  const analysis = analyze(grid, DEFAULT_PROFILE, { lang: "zh" });
  const [headline] = resultsOf(analysis, grid, DEFAULT_PROFILE, "zh", null).headlines;
  expect(headline).toMatchObject({ sheet: "自评表", grade: null, reason: expect.stringContaining("未评等次") });
});
