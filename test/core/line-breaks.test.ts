/**
 * A line break typed inside a name or a 一级/二级 label (Alt+Enter in a narrow cell) is the cell's
 * layout, not part of the name (review round 55a, M1 and L1): the rules read the name whole, and
 * the names shown (JSON, notes, 综合得分) have no break in them.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { layoutJoined } from "../../src/core/headers";
import { BUDGET_HEADER, INDICATOR_HEADER, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

/** A budget block at A1:G2, the indicator header at row 4 and `rows` from row 5 (100 points in all). */
function form(rows: Row[], merges: string[] = []) {
  return workbook({
    name: "自评表",
    rows: [BUDGET_HEADER, ["年度资金总额", 100, 100, 100, 10, 1, 10], [], INDICATOR_HEADER, ...rows],
    merges,
    numFmts: { F2: "0.00%" },
  });
}

const CLEAN: Row[] = [
  ["产出指标", "数量指标", "培训人次", "≥2000人次", "2100人次", 30, 30, ""],
  ["", "质量指标", "培训合格率", "≥90%", "95%", 20, 20, ""],
  ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30, ""],
];

describe("a line break inside a name", () => {
  it.each(["办事群众满意\n度", "居民满\n意度", "居民满\r\n意度", "居民满 \n 意度"])("reads %j whole: 105%% is percent-over-100", (name) => {
    const a = analyze(form([...CLEAN, ["满意度指标", "服务对象满意度指标", name, "≥95%", "105%", 10, 10, ""]]));
    expect(found(a).filter((f) => f.startsWith("percent-over-100"))).toEqual(["percent-over-100@自评表!E8"]);
    expect(a.indicators.find((i) => i.row === 8)!.name).toBe(name.replace(/\s+/g, ""));
  });

  it("shows the name joined in the JSON and in the messages", () => {
    const a = analyze(form([...CLEAN.slice(0, 2), ["效益指标", "社会效益指标", "高血压患者\n规范管理率", "≥60%", "160%", 30, 30, ""], ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", 10, 10, ""]]));
    expect(a.indicators.map((i) => i.name)).toEqual(["培训人次", "培训合格率", "高血压患者规范管理率", "居民满意度"]);
    const message = a.findings.find((f) => f.rule === "percent-over-100")!.message;
    expect(message).toContain("“高血压患者规范管理率”");
  });

  it("keeps a break beside Latin letters or digits (a name in two languages), and spaces typed on one line, as they are", () => {
    expect(layoutJoined("5G\n基站建设数量")).toBe("5G\n基站建设数量");
    expect(layoutJoined("农村道路硬化里程\nRoad length")).toBe("农村道路硬化里程\nRoad length");
    expect(layoutJoined("PM2.5 年均浓度")).toBe("PM2.5 年均浓度");
    expect(layoutJoined("产 出 指 标")).toBe("产 出 指 标");
    expect(layoutJoined("满意度\n（%）")).toBe("满意度（%）");
    expect(layoutJoined("其中：\n中央资金")).toBe("其中：中央资金");
    const a = analyze(form([...CLEAN, ["满意度指标", "服务对象满意度指标", "5G\n用户满意度", "≥90%", "95%", 10, 10, ""]]));
    expect(a.indicators.find((i) => i.row === 8)!.name).toBe("5G\n用户满意度");
  });
});

describe("a line break inside a 一级 or 二级 label", () => {
  it("joins a 一级 written one character a line and a 二级 broken in two, in the JSON and on 综合得分", () => {
    const a = analyze(
      form(
        [
          ["产\n出\n指\n标", "数量\n指标", "培训人次", "≥2000人次", "2100人次", 30, 30, ""],
          ["", "质量\n指标", "培训合格率", "≥90%", "95%", 20, 20, ""],
          ["效益\n指标", "社会效益指标", "就业率", "≥60%", "65%", 30, 30, ""],
          ["满\n意\n度\n指\n标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10, ""],
        ],
        ["A5:A6"],
      ),
    );
    expect(a.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标", "数量指标"],
      ["产出指标", "质量指标"],
      ["效益指标", "社会效益指标"],
      ["满意度指标", "服务对象满意度指标"],
    ]);
    const texts = a.summary.cells.map((c) => String(c.value ?? ""));
    expect(texts.some((t) => /产出指标/.test(t))).toBe(true);
    expect(texts.filter((t) => /产\s+出|满\s+意\s+度|\n/.test(t) && /指标/.test(t))).toEqual([]);
  });

  it("joins a 一级 with its weight stated as before: 产出\\n指标（50分）", () => {
    const a = analyze(form([["产出\n指标（50分）", "数量指标", "培训人次", "≥2000人次", "2100人次", 50, 50, ""], ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", 40, 40, ""]]));
    expect(a.indicators[0].level1).toBe("产出指标");
  });
});
