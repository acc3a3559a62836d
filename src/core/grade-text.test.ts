import { isGradeText, readGrade } from "./grade-text";

const SCALE = ["优", "良", "中", "差"];

describe("readGrade", () => {
  it.each([
    ["优☑ 良□ 中□ 差□", "优"],
    ["■优 □良 □中 □差", "优"],
    ["优（√）良（ ）中（ ）差（ ）", "优"],
    ["√优 良 中 差", "优"],
    ["优□ 良☑ 中□ 差□", "良"],
    ["○优 ●良 ○中 ○差", "良"],
    ["优秀□ 良好✔ 合格□ 不合格□", "良好"],
    ["优（90分以上）□ 良（80-89分）☑ 中□ 差□", "良"],
    ["☐优 ☒良 ☐中 ☐差", "良"],
    ["☒优", "优"],
  ])("reads the ticked option of the box list %s", (recorded, grade) => {
    expect(readGrade(recorded, SCALE)).toEqual({ kind: "grade", grade });
  });

  it.each([
    ["优秀（90-100分）", "优秀"],
    ["优（≥90）", "优"],
    ["优（90分以上）", "优"],
    ["优秀（≥90分）", "优秀"],
    ["优等", "优"],
    ["优级", "优"],
    ["优秀等次", "优秀"],
    ["中等", "中"],
    ["评定为优", "优"],
    ["等级：优", "优"],
    ["自评等级为良", "良"],
    ["“优”", "优"],
    ["优。", "优"],
    ["优 （自评）", "优"],
    ["等级：“良好”。", "良好"],
    ["（优）", "优"],
    ["优。项目全面完成年度目标。", "优"],
    ["良好；个别指标未达标", "良好"],
  ])("reads %s as the grade word %s", (recorded, grade) => {
    expect(readGrade(recorded, SCALE)).toEqual({ kind: "grade", grade });
  });

  it("keeps a word it does not know as written, cleaned: a wrong grade is still named", () => {
    expect(readGrade("Ｏ优", SCALE)).toEqual({ kind: "grade", grade: "Ｏ优" });
    expect(readGrade("A", SCALE)).toEqual({ kind: "grade", grade: "A" });
    expect(readGrade("等次", SCALE)).toEqual({ kind: "grade", grade: "等次" });
  });

  it("reads a box list of the profile's own labels, and keeps a label that ends in 级 whole", () => {
    expect(readGrade("A☑ B□ C□ D□", ["A", "B", "C", "D"])).toEqual({ kind: "grade", grade: "A" });
    expect(readGrade("一级", ["一级", "二级", "三级"])).toEqual({ kind: "grade", grade: "一级" });
  });

  it("gives a mark to the word it touches, and by the list's direction when it touches both or neither", () => {
    expect(readGrade("优 √良 中 差", SCALE)).toEqual({ kind: "grade", grade: "良" });
    expect(readGrade("优 良√ 中 差", SCALE)).toEqual({ kind: "grade", grade: "良" });
    expect(readGrade("优√良中差", SCALE)).toEqual({ kind: "grade", grade: "优" });
    expect(readGrade("√优良中差", SCALE)).toEqual({ kind: "grade", grade: "优" });
    expect(readGrade("优 √ 良 中 差", SCALE)).toEqual({ kind: "grade", grade: "优" });
  });

  it("records no grade for a list with nothing ticked, and names each option of one ticked twice", () => {
    expect(readGrade("优□ 良□ 中□ 差□", SCALE)).toEqual({ kind: "unticked" });
    expect(readGrade("优（ ）良（ ）中（ ）差（ ）", SCALE)).toEqual({ kind: "unticked" });
    expect(readGrade("优 良 中 差", SCALE)).toEqual({ kind: "unticked" });
    expect(readGrade("优、良、中、差", SCALE)).toEqual({ kind: "unticked" });
    expect(readGrade("优☑ 良☑ 中□ 差□", SCALE)).toEqual({ kind: "ticked", grades: ["优", "良"] });
  });

  it("reads marks around words that are no grades, two grade words or one word twice as plain text", () => {
    expect(readGrade("已完成√", SCALE)).toEqual({ kind: "grade", grade: "已完成√" });
    expect(readGrade("优良", SCALE)).toEqual({ kind: "grade", grade: "优良" });
    expect(readGrade("优 优 优", SCALE)).toEqual({ kind: "grade", grade: "优优优" });
    expect(readGrade("☑☑", SCALE)).toEqual({ kind: "grade", grade: "☑☑" });
  });
});

describe("isGradeText", () => {
  it("tells a grade word or box list from a sentence", () => {
    expect(["优", "良好", "较差", "优☑ 良□ 中□ 差□", "优□ 良□ 中□ 差□", "“良”"].map(isGradeText)).toEqual([true, true, true, true, true, true]);
    expect(["项目总体完成较好，自评等级为优。", "按期完成", "95", "优化了审批流程，群众满意。"].map(isGradeText)).toEqual([false, false, false, false]);
  });
});
