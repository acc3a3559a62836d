/** @jest-environment jsdom */
import { SAMPLE_RESULTS } from "./components/test-helpers";
import { withFindingIgnored } from "./outcome";

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
