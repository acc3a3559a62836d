/** The review's progress: a bar redrawn in place on a terminal, a line per file otherwise. */
import { progressReporter } from "../../src/cli/review";
import { FileReview } from "../../src/core/review";

const review = (errors: number): { review: FileReview } => ({
  review: {
    file: "a.xlsx",
    gradeScale: [],
    hiddenSheets: [],
    findings: [],
    rows: [{ unit: "", project: "", year: null, file: "a.xlsx", sheet: "s", table: "A1:B2", kind: "evaluation", planned: null, spent: null, rate: null, moneyUnit: null, weights: null, score: null, recordedScore: null, grade: null, recordedGrade: null, errors, warnings: 2, infos: 0, worst: [], differs: { score: false, grade: false } }],
  },
});
const failure = { failure: { zh: "b.xlsx: 文件是空的", en: "b.xlsx: the file is empty" } };

it("draws one bar on a terminal, rewritten in place, ending with a new line", () => {
  const drawn: string[] = [];
  const lines: string[] = [];
  const progress = progressReporter({ log: (l) => lines.push(l), error: (l) => lines.push(l), terminal: { write: (t) => drawn.push(t), columns: 100 } }, 2, "zh");
  progress.file("a.xlsx", review(3));
  progress.file("b.xlsx", failure);
  expect(lines).toEqual([]);
  expect(drawn[0]).toMatch(/^\r\[#{20}-{20}\] 1\/2 个文件，0 个无法读取，\d+ 秒\u001b\[K$/);
  expect(drawn[1]).toMatch(/^\r\[#{40}\] 2\/2 个文件，1 个无法读取，\d+ 秒\u001b\[K$/);
  expect(drawn[2]).toBe("\n");
});

it("prints a line per file when not on a terminal, in the language asked", () => {
  const lines: string[] = [];
  const progress = progressReporter({ log: (l) => lines.push(l), error: (l) => lines.push(l) }, 2, "en");
  progress.file("a.xlsx", review(3));
  progress.file("b.xlsx", failure);
  expect(lines).toEqual(["[1/2] a.xlsx: 1 table, 3 errors, 2 warnings", "[2/2] b.xlsx: the file is empty"]);
});

it("names a file identical to an earlier one as its duplicate (review round 23a)", () => {
  const lines: string[] = [];
  const progress = progressReporter({ log: (l) => lines.push(l), error: (l) => lines.push(l) }, 2, "zh");
  progress.file("a.xlsx", review(0));
  progress.file("a - 副本.xlsx", { duplicateOf: "a.xlsx" });
  expect(lines[1]).toBe("[2/2] a - 副本.xlsx：与 a.xlsx 内容完全相同：未重复计入");
});

it("ends an interrupted bar's line so the next message starts on its own", () => {
  const drawn: string[] = [];
  const progress = progressReporter({ log: () => undefined, error: () => undefined, terminal: { write: (t) => drawn.push(t), columns: 100 } }, 3, "zh");
  progress.file("a.xlsx", review(0));
  progress.interrupted();
  expect(drawn[drawn.length - 1]).toBe("\n");
});
