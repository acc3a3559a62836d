/**
 * The command line on a form saved without its formulas' results, as openpyxl (an empty <v>) and
 * Apache POI (no <v>) save them, and on the same form saved with them (Excel, LibreOffice).
 */
import { strFromU8, unzipSync } from "fflate";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { scorePackage } from "../support/cli";
import { Cell, buildPackage } from "../support/package";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** A formula cell: `<f>` with `result` after it ("" for none, "<v></v>" for openpyxl's empty one). */
const formula = (text: string, result: string): Cell => ({ xml: `<c><f>${text}</f>${result}</c>` });

/**
 * The national form filled in correctly (99.5, 优): 执行率 F2 = D2/C2, the budget score G2 = E2*F2,
 * the template's 成本指标 row 7 left empty, the 总分 G10 = G2+SUM(G5:G9). `results` gives each
 * formula's result as the file holds it; `scores` the 得分 cells G5, G6, G8, G9.
 */
function nationalForm(results: (held: string) => string, scores: Cell[] = [30, 20, 30, 10]): Uint8Array {
  return buildPackage({
    sheets: [
      {
        name: "项目支出绩效自评表",
        rows: [
          ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", 300, 320, 304, 10, formula("D2/C2", results("<v>0.95</v>")), formula("E2*F2", results("<v>9.5</v>"))],
          [],
          HEADER,
          ["产出指标", "数量指标", "改造饮水工程", "12处", "12处", 30, scores[0], null],
          [null, "质量指标", "水质达标率", "≥95%", "97%", 20, scores[1], null],
          [null, "成本指标", null, null, null, null, null, null],
          ["效益指标", "社会效益指标", "群众饮水条件", "有效改善", "有效改善", 30, scores[2], null],
          ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, scores[3], null],
          ["总分", null, null, null, null, 100, formula("G2+SUM(G5:G9)", results("<v>99.5</v>"))],
          ["评价等次", null, null, null, null, null, "优"],
        ],
        merges: ["A5:A7"],
      },
    ],
  });
}

const OPENPYXL = () => "<v></v>";
const POI = () => "";
const HELD = (held: string) => held;

/** The copy's G10, its format left out. */
const g10 = (output: Uint8Array) =>
  /<c r="G10"[^>]*>.*?<\/c>/.exec(strFromU8(unzipSync(output)["xl/worksheets/sheet1.xml"]))?.[0].replace(/ s="\d+"/, "");

describe("reading formulas without results", () => {
  it("marks a formula with no result (none, or openpyxl's empty one) unknown, and an empty text result known", () => {
    const bytes = buildPackage({
      sheets: [{ name: "S", rows: [[formula("1+1", ""), formula("1+1", "<v></v>"), { xml: '<c t="str"><f>""</f><v></v></c>' }, formula("1+1", "<v>2</v>")]] }],
    });
    const sheet = readXlsxBytes(bytes, "in.xlsx").grid.sheets[0];
    expect(sheet.values[0]).toEqual([null, null, null, 2]);
    expect(sheet.unknownResults).toEqual([[true, true]]);
  });
});

describe("jixiao score on the national form saved without its formulas' results", () => {
  it.each([
    ["openpyxl", OPENPYXL],
    ["Apache POI", POI],
  ])("works the 总分 out through the budget score's formula (%s): no false total-mismatch, and its own result in the copy", async (_, results) => {
    const r = await scorePackage(nationalForm(results));
    expect(r.code).toBe(0);
    expect(r.out).toContain("项目支出绩效自评表：综合得分 99.5（表中填 99.5），等次 优");
    expect(r.out).toContain("问题：错误 0，警告 0，提示 0；填入 0 个空单元格，更新 1 个公式的计算结果");
    expect(r.report!.findings).toEqual([]);
    expect(r.report!.writes).toEqual([{ sheet: "项目支出绩效自评表", cell: "G10", before: null, after: "99.5" }]);
    expect(g10(r.output!)).toBe('<c r="G10"><f>G2+SUM(G5:G9)</f><v>99.5</v></c>');
  });

  it("records no total when its scores are read from another sheet: no grade judged, nothing written in the 总分", async () => {
    const fromSheet = (row: number) => formula(`评分依据!C${row}`, "<v></v>");
    const r = await scorePackage(nationalForm(OPENPYXL, [fromSheet(2), fromSheet(3), fromSheet(4), fromSheet(5)]));
    expect(r.out).toContain("项目支出绩效自评表：综合得分 —，等次 —");
    expect(r.out).not.toContain("表中填");
    expect(r.report!.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["total-incomplete@G10"]);
    expect(r.report!.totals[0].recordedScore).toBeNull();
    expect(r.out).toContain("填入 0 个空单元格\n");
    expect(g10(r.output!)).toBe('<c r="G10"><f>G2+SUM(G5:G9)</f><v></v></c>');
  });

  it("saved with its results, reads the form as before: the same report, nothing written", async () => {
    const held = await scorePackage(nationalForm(HELD));
    const unknown = await scorePackage(nationalForm(OPENPYXL));
    expect(held.out).toContain("项目支出绩效自评表：综合得分 99.5（表中填 99.5），等次 优");
    expect(held.out).toContain("问题：错误 0，警告 0，提示 0；填入 0 个空单元格\n");
    expect(held.report!.writes).toEqual([]);
    expect(held.report!.totals).toEqual(unknown.report!.totals);
    expect(held.report!.findings).toEqual(unknown.report!.findings);
  });
});
