/**
 * The review's tally as a reviewer reads it first (review round 52c): 单位统计 with the units that
 * need attention first, the profiles' notes counting only the files counted, the counts naming the
 * files seen and not counted, and a workbook without forms told apart from one that cannot be read.
 */
import { FileReview, NO_UNIT, ReviewRow, ReviewTally, reviewCounts } from "../../src/core/review";

/** A file of `unit` with one evaluation row: so many errors and warnings, its total or grade differing from the recorded or not. */
function fileOf(file: string, unit: string, errors = 0, warnings = 0, differs = false): FileReview {
  const row: ReviewRow = {
    unit,
    project: "项目",
    year: 2023,
    file,
    sheet: "Sheet1",
    table: "A1:H20",
    kind: "evaluation",
    planned: null,
    spent: null,
    rate: null,
    moneyUnit: null,
    weights: "100",
    score: "90",
    recordedScore: differs ? "95" : "90",
    grade: "优",
    recordedGrade: "优",
    errors,
    warnings,
    infos: 0,
    worst: [],
    differs: { score: differs, grade: false },
  };
  return { file, rows: [row], findings: [], gradeScale: ["优", "良", "中", "差"], hiddenSheets: [] };
}

describe("单位统计's order (review round 52c M1)", () => {
  it("puts the units that need attention first: most errors, then totals or grades that differ, then warnings, then by name", () => {
    const tally = new ReviewTally();
    tally.add(fileOf("01 县教育局.xlsx", "县教育局"));
    tally.add(fileOf("02 县卫健委.xlsx", "县卫健委", 0, 2));
    tally.add(fileOf("03 县水利局.xlsx", "县水利局", 0, 9, true));
    tally.add(fileOf("04 云溪区机关事务服务中心.xlsx", "云溪区机关事务服务中心", 7, 6));
    tally.add(fileOf("05 县财政局.xlsx", "县财政局", 1, 0));
    tally.add(fileOf("06 县档案馆.xlsx", "县档案馆"));
    const review = tally.review();
    expect(review.units.map((u) => [u.unit, u.errors, u.differs, u.warnings])).toEqual([
      ["云溪区机关事务服务中心", 7, 0, 6],
      ["县财政局", 1, 0, 0],
      ["县水利局", 0, 1, 9],
      ["县卫健委", 0, 0, 2],
      // As clean: by name, as a Chinese reader orders them (档 dàng before 教 jiào).
      ["县档案馆", 0, 0, 0],
      ["县教育局", 0, 0, 0],
    ]);
    // 汇总's rows keep the files' order.
    expect(review.rows.map((r) => r.unit)).toEqual(["县教育局", "县卫健委", "县水利局", "云溪区机关事务服务中心", "县财政局", "县档案馆"]);
  });
});

describe("the profiles' notes (review round 52c L1)", () => {
  it("count the files counted under each profile, not a copy counted once", () => {
    const tally = new ReviewTally();
    tally.profiles((file) => (file.startsWith("卫健委/") ? "卫健委/jixiao.json" : null));
    expect(tally.addReviewed(fileOf("卫健委/县卫健委.xlsx", "县卫健委"), "d1")).toBeNull();
    expect(tally.addReviewed(fileOf("卫健委/县卫健委 - 副本.xlsx", "县卫健委"), "d1")).toBe("卫健委/县卫健委.xlsx");
    tally.add(fileOf("县教育局.xlsx", "县教育局"));
    tally.fail("卫健委/坏.xlsx", "卫健委/坏.xlsx: 文件已损坏");
    const notes = tally.review().notes.map((n) => [n.file, n.kind, n.detail, n.message]);
    expect(notes).toEqual([
      ["卫健委/jixiao.json", "profile", "1", "评分方案：此文件夹及其子文件夹中的 1 个文件按此方案评分"],
      ["卫健委/县卫健委 - 副本.xlsx", "duplicate", "卫健委/县卫健委.xlsx", "与 卫健委/县卫健委.xlsx 内容完全相同：未重复计入"],
    ]);
  });

  it("come where the profiles were given among the notes", () => {
    const tally = new ReviewTally("en");
    tally.note("a.jixiao.xlsx", "scored-copy");
    tally.profiles(() => "jixiao.json");
    tally.add(fileOf("a.xlsx", "县教育局"));
    tally.add(fileOf("b.xlsx", "县卫健委"));
    tally.note("汇总.xlsx", "earlier-review");
    expect(tally.review().notes.map((n) => [n.kind, n.detail])).toEqual([
      ["scored-copy", ""],
      ["profile", "2"],
      ["earlier-review", ""],
    ]);
  });
});

// Review round 57d, F1: identical files were told apart by the units their forms name, always the
// same for the same bytes: 县妇联's copy of 县总工会's stamped form was counted, 县总工会's own dropped.
describe("identical files, told apart by the units their folders and names give", () => {
  const notesOf = (tally: ReviewTally) => tally.review().notes.map((n) => [n.file, n.kind, n.detail]);

  it("are two units' where their folders or names give two, though the form names one: both counted, the file handed in as another's noted", () => {
    const tally = new ReviewTally();
    // In contentOrder: by path, 县妇联 before 县总工会.
    expect(tally.addReviewed(fileOf("群团/县妇联/县妇联（盖章版）.xlsx", "县总工会"), "d")).toBeNull();
    expect(tally.addReviewed(fileOf("群团/县总工会/县总工会（盖章版）.xlsx", "县总工会"), "d")).toBeNull();
    // A third copy of 县总工会's own is its duplicate, not a third unit's.
    expect(tally.addReviewed(fileOf("群团/县总工会/县总工会（盖章版） - 副本.xlsx", "县总工会"), "d")).toBe("群团/县总工会/县总工会（盖章版）.xlsx");
    expect(tally.review().rows.map((r) => r.file)).toEqual(["群团/县妇联/县妇联（盖章版）.xlsx", "群团/县总工会/县总工会（盖章版）.xlsx"]);
    // No same-project note besides: the same-content note says it.
    expect(notesOf(tally)).toEqual([
      ["群团/县妇联/县妇联（盖章版）.xlsx", "same-content", "群团/县总工会/县总工会（盖章版）.xlsx"],
      ["群团/县总工会/县总工会（盖章版） - 副本.xlsx", "duplicate", "群团/县总工会/县总工会（盖章版）.xlsx"],
    ]);
    // By their folders, the files keeping the form's name.
    const folders = new ReviewTally();
    folders.addReviewed(fileOf("县妇联/项目支出绩效自评表.xlsx", "县总工会"), "d");
    folders.addReviewed(fileOf("县总工会/项目支出绩效自评表.xlsx", "县总工会"), "d");
    expect(notesOf(folders)).toEqual([["县妇联/项目支出绩效自评表.xlsx", "same-content", "县总工会/项目支出绩效自评表.xlsx"]]);
  });

  // 单位统计 grouped by the unit the form names: 县总工会 had 2 files and 县妇联, which handed one in, no row.
  it("count on 单位统计 for the unit that handed each in: the copy of another unit's form is its submitter's, not the form's unit's twice", () => {
    const unitsOf = (tally: ReviewTally) => tally.review().units.map((u) => [u.unit, u.files, u.tables, u.errors]);
    // The copy first in contentOrder (县妇联 before 县总工会), or after.
    for (const order of [
      ["群团/县妇联/县妇联（盖章版）.xlsx", "群团/县总工会/县总工会（盖章版）.xlsx"],
      ["群团/县总工会/县总工会（盖章版）.xlsx", "群团/县妇联/县妇联（盖章版）.xlsx"],
    ]) {
      const tally = new ReviewTally();
      for (const file of order) tally.addReviewed(fileOf(file, "县总工会", 1), "d");
      expect(unitsOf(tally)).toEqual([
        ["县妇联", 1, 1, 1],
        ["县总工会", 1, 1, 1],
      ]);
      // 汇总's rows and the note stay as they are: the form is 县总工会's.
      expect(tally.review().rows.map((r) => r.unit)).toEqual(["县总工会", "县总工会"]);
      expect(notesOf(tally)).toEqual([["群团/县妇联/县妇联（盖章版）.xlsx", "same-content", "群团/县总工会/县总工会（盖章版）.xlsx"]]);
    }
    // By its folder, the file keeping the form's name; the folder's unit written two ways is one (城关镇, 城关镇人民政府).
    const folders = new ReviewTally();
    folders.add(fileOf("乡镇/城关镇人民政府.xlsx", "城关镇人民政府"));
    folders.addReviewed(fileOf("县总工会/项目支出绩效自评表.xlsx", "县总工会"), "d");
    folders.addReviewed(fileOf("城关镇/项目支出绩效自评表.xlsx", "县总工会"), "d");
    expect(unitsOf(folders)).toEqual([
      ["城关镇人民政府", 2, 2, 0],
      ["县总工会", 1, 1, 0],
    ]);
    // Two units' copies of a third's form, the third's own not handed in: each counts for the unit
    // that handed it in, in either order (code review 58a: the first stayed the form's unit's).
    for (const order of [
      ["县妇联/县妇联（盖章版）.xlsx", "县残联/县残联（盖章版）.xlsx"],
      ["县残联/县残联（盖章版）.xlsx", "县妇联/县妇联（盖章版）.xlsx"],
    ]) {
      const strays = new ReviewTally();
      for (const file of order) strays.addReviewed(fileOf(file, "县总工会"), "d");
      expect(unitsOf(strays).map(([unit, files]) => [unit, files])).toEqual([
        ["县残联", 1],
        ["县妇联", 1],
      ]);
    }
    // One unit's own copy stays one file of its.
    const copies = new ReviewTally();
    copies.addReviewed(fileOf("县总工会/县总工会.xlsx", "县总工会"), "d");
    copies.addReviewed(fileOf("县总工会/县总工会 - 副本.xlsx", "县总工会"), "d");
    expect(unitsOf(copies)).toEqual([["县总工会", 1, 1, 0]]);
  });

  // Final re-read: a unit whose name holds another's (城关镇中心小学, 城关镇) was taken for it, and its copy dropped.
  it("are two units' where one's name only begins with the other's: both counted", () => {
    const tally = new ReviewTally();
    expect(tally.addReviewed(fileOf("城关镇/城关镇.xlsx", "县总工会"), "d")).toBeNull();
    expect(tally.addReviewed(fileOf("城关镇中心小学/城关镇中心小学.xlsx", "县总工会"), "d")).toBeNull();
    expect(tally.review().rows).toHaveLength(2);
  });

  it("are one unit's copies where their folders and names give one unit, or none", () => {
    const copies = (a: string, b: string, unit = "县农业农村局") => {
      const tally = new ReviewTally();
      tally.addReviewed(fileOf(a, unit), "d");
      return [tally.addReviewed(fileOf(b, unit), "d"), tally.review().rows.length];
    };
    expect(copies("农业农村/县农业农村局.xlsx", "农业农村/县农业农村局 - 副本.xlsx")).toEqual(["农业农村/县农业农村局.xlsx", 1]);
    expect(copies("县残联（盖章版）.xlsx", "下载/县残联（盖章版）(1).xlsx", "县残联")).toEqual(["县残联（盖章版）.xlsx", 1]);
    expect(copies("城关镇/项目支出绩效自评表.xlsx", "城关镇 - 副本/项目支出绩效自评表.xlsx", "城关镇人民政府")).toEqual(["城关镇/项目支出绩效自评表.xlsx", 1]);
    expect(copies("县教育局.xlsx", "教育局/教育局.xlsx", "县教育局")).toEqual(["县教育局.xlsx", 1]);
    expect(copies("城关镇/城关镇.xlsx", "城关镇人民政府/城关镇人民政府.xlsx", "城关镇人民政府")).toEqual(["城关镇/城关镇.xlsx", 1]);
    // A folder no unit's (群团) gives none: told by the form's unit, as before.
    expect(copies("群团/项目支出绩效自评表.xlsx", "群团/县总工会/项目支出绩效自评表.xlsx", "县总工会")).toEqual(["群团/项目支出绩效自评表.xlsx", 1]);
  });
});

describe("the review's counts (review round 52c L2)", () => {
  it("name the files seen and not counted, by why, where there are any", () => {
    const tally = new ReviewTally();
    tally.note("县教育局.jixiao.xlsx", "scored-copy");
    tally.addReviewed(fileOf("县教育局.xlsx", "县教育局", 1, 2), "d");
    tally.addReviewed(fileOf("县教育局 - 副本.xlsx", "县教育局", 1, 2), "d");
    const review = tally.review();
    expect(reviewCounts(review, "zh")).toBe("1 个文件，1 个单位，1 张表；错误 1，警告 2；0 个文件无法读取；另有 2 个文件未计入（副本 1、评分副本 1，见“说明”）");
    expect(reviewCounts(review, "en")).toBe("1 file, 1 unit, 1 table; 1 error, 2 warnings; 0 could not be read; 2 more files not counted (1 identical copy, 1 scored copy; see “Notes”)");
    const plain = new ReviewTally();
    plain.add(fileOf("县教育局.xlsx", "县教育局"));
    plain.note("汇总.xlsx", "earlier-review");
    expect(reviewCounts(plain.review(), "zh")).toBe("1 个文件，1 个单位，1 张表；错误 0，警告 0；0 个文件无法读取；另有 1 个文件未计入（旧汇总 1，见“说明”）");
    const none = new ReviewTally();
    none.add(fileOf("县教育局.xlsx", "县教育局"));
    expect(reviewCounts(none.review(), "zh")).toBe("1 个文件，1 个单位，1 张表；错误 0，警告 0；0 个文件无法读取");
  });

  it("count the files not read apart from those read and holding no form, as 单位统计 does (session 58)", () => {
    const tally = new ReviewTally();
    tally.add(fileOf("县教育局.xlsx", "县教育局"));
    tally.fail("县卫健局.xlsx", "需要密码");
    tally.fail("县民政局.xlsx", "未找到表", "no-tables");
    tally.fail("县林业局.xlsx", "未找到表", "no-tables");
    const review = tally.review();
    expect(reviewCounts(review, "zh")).toBe("4 个文件，4 个单位，1 张表；错误 0，警告 0；1 个文件无法读取，2 个未找到表");
    expect(reviewCounts(review, "en")).toBe("4 files, 4 units, 1 table; 0 errors, 0 warnings; 1 could not be read, 2 held no form");
  });
});

describe("规则统计's 涉及单位 (code review 58b, M4)", () => {
  it("counts no unit for forms naming none, as the counts line does", () => {
    /** `file` of `unit` with one sum-mismatch finding. */
    const flagged = (file: string, unit: string): FileReview => ({
      ...fileOf(file, unit, 1),
      findings: [{ unit, project: "项目", file, sheet: "Sheet1", cell: "B2", rule: "sum-mismatch", severity: "error", message: "" }],
    });
    const tally = new ReviewTally();
    tally.add(flagged("待审/附件3.xlsx", NO_UNIT));
    tally.add(flagged("新建文件夹/附件3.xlsx", NO_UNIT));
    tally.add(fileOf("县教育局.xlsx", "县教育局"));
    expect(tally.review().rules.map((r) => [r.rule, r.files, r.units])).toEqual([["sum-mismatch", 2, 0]]);
    tally.add(flagged("县卫健局.xlsx", "县卫健局"));
    expect(tally.review().rules.map((r) => [r.rule, r.files, r.units])).toEqual([["sum-mismatch", 3, 1]]);
  });
});

describe("a file without rows (review round 52c L3)", () => {
  it("says whether it could not be read or holds no form", () => {
    const tally = new ReviewTally();
    tally.fail("坏.xlsx", "坏.xlsx: 文件已损坏");
    tally.fail("空白.xlsx", "空白.xlsx: 没有找到预算表或绩效指标表。", "no-tables");
    expect(tally.review().failures.map((f) => [f.file, f.kind])).toEqual([
      ["坏.xlsx", "unreadable"],
      ["空白.xlsx", "no-tables"],
    ]);
  });
});

describe("a damaged file's parts passed over (session 57: not named by the review)", () => {
  const merges = ["自评表!A1:XFD1048576", "说明!C3:D4"];
  const entries = ["../a", "../b", "../c", "../d", "../e", "../../evil.txt"];

  it("notes both in one note after the file's hidden sheets, in score's words, every name in its detail, and counts the file", () => {
    const tally = new ReviewTally();
    tally.add({ ...fileOf("县林业局.xlsx", "县林业局"), hiddenSheets: ["2022年"], droppedMerges: merges, droppedEntries: entries });
    tally.add(fileOf("县水利局.xlsx", "县水利局"));
    const review = tally.review();
    expect(review.files).toBe(2);
    expect(review.rows).toHaveLength(2);
    expect(review.notes.map((note) => [note.file, note.kind])).toEqual([
      ["县林业局.xlsx", "hidden-sheets"],
      ["县林业局.xlsx", "damaged-parts"],
    ]);
    expect(review.notes[1]).toEqual({
      file: "县林业局.xlsx",
      kind: "damaged-parts",
      detail: "自评表!A1:XFD1048576、说明!C3:D4、../a、../b、../c、../d、../e、../../evil.txt",
      message:
        "合并区域与其他合并区域重叠（文件已损坏），已忽略：自评表!A1:XFD1048576、说明!C3:D4；压缩包里有名称不是有效部件名的条目（文件已损坏），未读取：../a、../b、../c、../d、../e 等 6 个",
    });
    expect(reviewCounts(review, "zh")).toBe("2 个文件，2 个单位，2 张表；错误 0，警告 0；0 个文件无法读取");
  });

  it("says it in English in an English review", () => {
    const tally = new ReviewTally("en");
    tally.add({ ...fileOf("forestry.xlsx", "县林业局"), droppedEntries: ["../../evil.txt"] });
    tally.add({ ...fileOf("water.xlsx", "县水利局"), droppedMerges: merges.slice(0, 1) });
    expect(tally.review().notes).toEqual([
      {
        file: "forestry.xlsx",
        kind: "damaged-parts",
        detail: "../../evil.txt",
        message: "Zip entries whose names are no valid part names (the file is damaged), not read: ../../evil.txt",
      },
      { file: "water.xlsx", kind: "damaged-parts", detail: "自评表!A1:XFD1048576", message: "Merged areas overlapping others (the file is damaged), ignored: 自评表!A1:XFD1048576" },
    ]);
  });
});
