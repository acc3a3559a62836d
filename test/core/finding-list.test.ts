import { FindingList } from "../../src/core/rules/findings";

// FindingList keeps one finding a rule a cell and looks findings up by their cell (not by a search
// through the list, which made the analysis of a large workbook grow with the square of its findings).
describe("FindingList", () => {
  const cell = (sheet: string, row: number, col: number) => ({ sheet, row, col });

  it("finds a rule's finding at its cell, and only there", () => {
    const findings = new FindingList();
    findings.add("score-mismatch", cell("表1", 4, 7), { name: "a" });
    findings.add("missing-reason", cell("表1", 4, 7), { name: "a" });
    findings.add("score-mismatch", cell("表2", 4, 7), { name: "b" });
    expect(findings.at("score-mismatch", cell("表1", 4, 7))?.params).toEqual({ name: "a" });
    expect(findings.at("score-mismatch", cell("表2", 4, 7))?.params).toEqual({ name: "b" });
    expect(findings.at("missing-reason", cell("表2", 4, 7))).toBeUndefined();
    expect(findings.at("score-mismatch", cell("表1", 4, 8))).toBeUndefined();
    expect(findings.items.map((f) => f.rule)).toEqual(["score-mismatch", "missing-reason", "score-mismatch"]);
  });

  it("keeps the first finding of a rule at a cell", () => {
    const findings = new FindingList();
    findings.add("score-mismatch", cell("表1", 4, 7), { name: "first" });
    findings.add("score-mismatch", { ...cell("表1", 4, 7) }, { name: "second" });
    expect(findings.items).toHaveLength(1);
    expect(findings.at("score-mismatch", cell("表1", 4, 7))?.params).toEqual({ name: "first" });
  });

  it("forgets a finding taken back, and takes the rule again there", () => {
    const findings = new FindingList();
    findings.add("missing-reason", cell("表1", 4, 7), {});
    findings.add("score-mismatch", cell("表1", 4, 7), { name: "old" });
    findings.withdraw(findings.at("score-mismatch", cell("表1", 4, 7))!);
    expect(findings.at("score-mismatch", cell("表1", 4, 7))).toBeUndefined();
    expect(findings.hasCell(cell("表1", 4, 7))).toBe(true);
    findings.withdraw(findings.at("missing-reason", cell("表1", 4, 7))!);
    expect(findings.hasCell(cell("表1", 4, 7))).toBe(false);
    expect(findings.items).toHaveLength(0);
    findings.add("score-mismatch", cell("表1", 4, 7), { name: "new" });
    expect(findings.at("score-mismatch", cell("表1", 4, 7))?.params).toEqual({ name: "new" });
  });
});
