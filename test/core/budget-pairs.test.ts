/**
 * Budget blocks laid out other than as a header over lines (review round 52b): amounts split by
 * source in columns (M2), and a budget given as label/value pairs, on one line or stacked (M1).
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { ROAD_INDICATORS, workbook } from "../support/grid";
import { message } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);
const tables = (a: Analysis): string[] => a.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);
const findings = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.cell}`);
const totalsOf = (a: Analysis) => a.totals.map((t) => [t.score, t.grade]);

/** 项目支出绩效自评表's indicators (90 points, 88.5 scored), from 一级指标 to its 评价等次 (d12 of the round). */
const INDICATORS: Row[] = [
  ...ROAD_INDICATORS,
  ["总分", "", "", "", "", 100, 98.1],
  ["评价等次", "", "", "", "", "", "优"],
];

/** The merges of INDICATORS placed from sheet row `top` (1-based) on. */
const indicatorMerges = (top: number): string[] => [
  `A${top + 1}:A${top + 5}`,
  `A${top + 6}:A${top + 7}`,
  `B${top + 1}:B${top + 2}`,
  `A${top + 9}:E${top + 9}`,
  `A${top + 10}:E${top + 10}`,
];

const TITLE: Row[] = [["项目支出绩效自评表"], ["项目名称", "2023年农村公路提质改造项目", "", "", "实施单位", "县农村公路建设养护中心"]];

describe("amounts split by source in columns (review round 52b, M2)", () => {
  /** 全年预算数 and 全年执行数 each merged over 合计 | 财政拨款 | 其他资金 (or the sub-headers `names`). */
  const form = (planned: Row, spent: Row = [480, 400, 80], names: Row = ["合计", "财政拨款", "其他资金"], rate: CellValue = 0.96) => {
    const n = names.length;
    const letter = (i: number) => String.fromCharCode(66 + i); // B is the first amount column
    const blank = (): Row => Array<CellValue>(n - 1).fill("");
    const [rateCol, weightCol, scoreCol] = [letter(2 * n), letter(2 * n + 1), letter(2 * n + 2)];
    return workbook({
      name: "自评表",
      rows: [
        ...TITLE,
        ["项目资金（万元）", "全年预算数", ...blank(), "全年执行数", ...blank(), "执行率", "分值", "得分"],
        ["", ...names, ...names],
        ["项目资金", ...planned, ...spent, rate, 10, 9.6],
        ...INDICATORS,
      ],
      merges: ["A3:A4", `B3:${letter(n - 1)}3`, `${letter(n)}3:${letter(2 * n - 1)}3`, `${rateCol}3:${rateCol}4`, `${weightCol}3:${weightCol}4`, `${scoreCol}3:${scoreCol}4`, ...indicatorMerges(6)],
    });
  };

  it("a 合计 that is its parts added up draws nothing", () => {
    const a = run(form([500, 420, 80]));
    expect(tables(a)).toEqual(["budget@自评表!A3:J5", "indicators@自评表!A6:H16"]);
    expect(findings(a)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("a 合计 its parts do not add up to is a sum-mismatch at the 合计", () => {
    const a = run(form([500, 430, 80]));
    expect(findings(a)).toEqual(["sum-mismatch@B5"]);
    expect(message(a, "sum-mismatch", "B5")).toBe("“项目资金”的全年预算数合计填的是 500，但财政拨款、其他资金相加为 510。请改为 510，或核对各列数字。");
    // The 合计 is still the planned amount: 480 of 500 scores 9.6.
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("the spent amount is checked the same way", () => {
    const a = run(form([500, 420, 80], [480, 380, 80]));
    expect(findings(a)).toEqual(["sum-mismatch@E5"]);
  });

  it("parts left blank add nothing; a rounding of the last digit shown is no mismatch", () => {
    expect(findings(run(form([500, 500, ""])))).toEqual([]);
    expect(findings(run(form([500.1, 420.04, 80.04])))).toEqual([]);
  });

  it("a 合计 beside one part alone (合计 | 其中：财政拨款) names that part, not all of it: no check", () => {
    const a = run(form([500, 430, ""], [480, 400, ""], ["合计", "其中：财政拨款", ""]));
    expect(findings(a).filter((f) => f.startsWith("sum-mismatch"))).toEqual([]);
  });

  describe("with the 合计 last or between its parts (review round 53a, H1)", () => {
    const LAST = ["财政拨款", "其他资金", "合计"];

    it("the amount is read from the 合计, wherever it sits: 480 of 500 is 96%, 9.6 points", () => {
      const a = run(form([420, 80, 500], [400, 80, 480], LAST));
      expect(findings(a)).toEqual([]);
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
      const middle = run(form([420, 500, 80], [400, 480, 80], ["财政拨款", "合计", "其他资金"]));
      expect(findings(middle)).toEqual([]);
      expect(middle.budget.map((b) => [b.planned, b.spent])).toEqual([["500", "480"]]);
    });

    it("a 合计 last that its parts do not add up to is a sum-mismatch at the 合计", () => {
      const a = run(form([430, 80, 500], [400, 80, 480], LAST));
      expect(findings(a)).toEqual(["sum-mismatch@D5"]);
      expect(message(a, "sum-mismatch", "D5")).toBe("“项目资金”的全年预算数合计填的是 500，但财政拨款、其他资金相加为 510。请改为 510，或核对各列数字。");
      expect(findings(run(form([420, 80, 500], [400, 60, 480], LAST)))).toEqual(["sum-mismatch@G5"]);
    });
  });

  describe("with no 合计 column: the amount is its sources added up (review round 53a)", () => {
    const SOURCES = ["中央资金", "地方资金"];

    it("中央资金 | 地方资金: 480 of 500 is 96%, 9.6 points, named at the first part", () => {
      const a = run(form([300, 200], [290, 190], SOURCES));
      expect(findings(a)).toEqual([]);
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
      // A wrong 执行率 is judged against the sum, 96%, not 中央资金's 96.67%.
      const wrong = run(form([300, 200], [290, 190], SOURCES, 0.9667));
      expect(findings(wrong)).toEqual(["rate-mismatch@F5"]);
    });

    it("上年结转 | 当年预算 are the amount's sources too (code review of round 53, L2)", () => {
      const a = run(form([300, 200], [290, 190], ["上年结转", "当年预算"]));
      expect(findings(a)).toEqual([]);
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
    });

    it("a line whose amounts stand under a later source alone is read (code review of round 53, M2)", () => {
      const a = run(
        workbook({
          name: "自评表",
          rows: [
            ...TITLE,
            ["项目资金（万元）", "全年预算数", "", "全年执行数", "", "执行率", "分值", "得分"],
            ["", "财政资金", "自筹资金", "财政资金", "自筹资金"],
            ["项目资金", 300, 200, 290, 190, 0.96, 10, 9.6],
            ["其中：建设资金", "", 400, "", 380, "", "", ""],
            ...INDICATORS,
          ],
          merges: ["A3:A4", "B3:C3", "D3:E3", "F3:F4", "G3:G4", "H3:H4", ...indicatorMerges(7)],
        }),
      );
      expect(a.budget.map((b) => [b.label, b.planned, b.spent])).toEqual([
        ["项目资金", "500", "480"],
        ["其中：建设资金", "400", "380"],
      ]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
    });

    it("adds up parts typed with their unit as it adds numbers (300万元 | 200万元, review round 53a, left)", () => {
      const a = run(form(["300万元", "200万元"], ["290万元", "190万元"], SOURCES));
      expect(findings(a)).toEqual([]);
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
      // In two units, each brought to the table's (万元): 300万元 and 2000000元 are 500.
      const mixed = run(form(["300万元", "2000000元"], ["2900000元", "190万元"], SOURCES));
      expect(mixed.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
      // A typed part beside a plain one: the plain one is in the table's unit (万元).
      const plain = run(form(["300万元", 200], [290, "190万元"], SOURCES));
      expect(plain.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
    });

    it("a part left blank adds nothing; sub-headers that name no source keep the first column", () => {
      const a = run(form([500, ""], [480, ""], SOURCES));
      expect(a.budget.map((b) => [b.planned, b.spent])).toEqual([["500", "480"]]);
      const other = run(form([500, 20], [480, 19], ["金额", "占比"]));
      expect(other.budget.map((b) => [b.planned, b.spent])).toEqual([["500", "480"]]);
    });
  });
  describe("with its headings in two languages (review round 53a, M1)", () => {
    /** form's workbook with an English line under each heading of its two header rows. */
    const inEnglish = (wb: WorkbookGrid): WorkbookGrid => {
      for (const row of [2, 3]) wb.sheets[0].values[row] = wb.sheets[0].values[row].map((v) => (typeof v === "string" && v !== "" ? `${v}\nIn English` : v));
      return wb;
    };

    it("reads the amount from the 合计 (Total under it) last, and names the columns by their Chinese words", () => {
      const a = run(inEnglish(form([420, 80, 500], [400, 80, 480], ["财政拨款", "其他资金", "合计"])));
      expect(findings(a)).toEqual([]);
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
      const wrong = run(inEnglish(form([430, 80, 500], [400, 80, 480], ["财政拨款", "其他资金", "合计"])));
      expect(message(wrong, "sum-mismatch", "D5")).toBe("“项目资金”的全年预算数合计填的是 500，但财政拨款、其他资金相加为 510。请改为 510，或核对各列数字。");
    });

    it("checks a 合计 (Total under it) first against its parts", () => {
      expect(findings(run(inEnglish(form([500, 430, 80]))))).toEqual(["sum-mismatch@B5"]);
    });

    it("adds up 中央资金 | 地方资金 (Central Funds | Local Funds under them) with no 合计", () => {
      const a = run(inEnglish(form([300, 200], [290, 190], ["中央资金", "地方资金"])));
      expect(a.budget.map((b) => [b.planned, b.spent, b.score])).toEqual([["500", "480", "9.6"]]);
    });
  });
});

describe("a budget given as label/value pairs (review round 52b, M1)", () => {
  const PAIRS: Row = ["预算执行情况", "全年预算数（万元）", 500, "全年执行数（万元）", 480, "执行率", 0.96, "分值", 10, "得分", 9.6];
  /** The pairs on one line between the name line and the indicators (e09 of the round). */
  const lineForm = (pairs: Row = PAIRS, extra: Row[] = []) =>
    workbook({ name: "自评表", rows: [...TITLE, pairs, ...extra, ...INDICATORS], merges: ["A1:J1", ...indicatorMerges(4 + extra.length)] });
  /** The same pairs stacked in B:C under 预算执行情况 merged down A3:A7 (e10 of the round). */
  const stackedForm = (values: Row = [500, 480, 0.96, 10, 9.6]) =>
    workbook({
      name: "自评表",
      rows: [
        ...TITLE,
        ["预算执行情况", "全年预算数（万元）", values[0]],
        ["", "全年执行数（万元）", values[1]],
        ["", "执行率", values[2]],
        ["", "分值", values[3]],
        ["", "得分", values[4]],
        ...INDICATORS,
      ],
      merges: ["A1:H1", "A3:A7", ...indicatorMerges(8)],
    });

  it("pairs on one line are a budget table of one line, scored and counted in the total", () => {
    const a = run(lineForm());
    expect(tables(a)).toEqual(["budget@自评表!A3:K3", "indicators@自评表!A4:H14"]);
    expect(findings(a)).toEqual([]);
    expect(a.budget.map((b) => [b.label, b.planned, b.spent, b.score])).toEqual([["预算执行情况", "500", "480", "9.6"]]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("pairs stacked in one column under a label merged down beside them are read the same", () => {
    const a = run(stackedForm());
    expect(tables(a)).toEqual(["budget@自评表!A3:C7", "indicators@自评表!A8:H18"]);
    expect(findings(a)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("pairs two or more to a line over several lines are read as one block", () => {
    const rows: Row[] = [
      ...TITLE,
      ["预算执行情况", "全年预算数（万元）", 500, "全年执行数（万元）", 480, "执行率", 0.96],
      ["", "分值", 10, "得分", 9.6],
      ...INDICATORS,
    ];
    const a = run(workbook({ name: "自评表", rows, merges: ["A1:J1", "A3:A4", ...indicatorMerges(5)] }));
    expect(tables(a)).toEqual(["budget@自评表!A3:G4", "indicators@自评表!A5:H15"]);
    expect(findings(a)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  it("findings and filled-in values point at the value cells", () => {
    const a = run(stackedForm([500, 480, 0.9, 10, 9.6]));
    expect(findings(a)).toEqual(["rate-mismatch@C5"]);
    const filled = run(lineForm(PAIRS.map((v, i) => (i === 10 ? "" : v))));
    expect(filled.writes.map((w) => `${w.cell}=${w.value}`)).toContain("K3=9.6");
    expect(totalsOf(filled)).toEqual([["98.1", "优"]]);
  });

  it("a line naming no 执行数 is no budget table", () => {
    const noSpent = run(lineForm(["预算执行情况", "全年预算数（万元）", 500, "分值", 10, "得分", 9.6]));
    expect(tables(noSpent)).toEqual(["indicators@自评表!A4:H14"]);
  });

  it("a header block's name line and its stated result are no budget table", () => {
    const a = run(lineForm(["自评得分", 98.1, "自评等级", "优"], [["主管部门", "县交通运输局", "", "", "实施单位", "县农村公路建设养护中心"]]));
    expect(a.tables.filter((t) => t.kind === "budget")).toEqual([]);
  });

  it("a 资金 line of a form that has a budget table of its own stays out of it", () => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          ...TITLE,
          ["全年预算数（万元）", 500, "全年执行数（万元）", 480],
          ["预算执行情况", "", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
          ["年度资金总额（万元）", "", 500, 480, 0.96, 10, 9.6],
          ...INDICATORS,
        ],
        merges: ["A1:H1", "A4:B4", "A5:B5", ...indicatorMerges(6)],
      }),
    );
    expect(tables(a)).toEqual(["budget@自评表!A4:G5", "indicators@自评表!A6:H16"]);
    expect(findings(a)).toEqual([]);
    expect(totalsOf(a)).toEqual([["98.1", "优"]]);
  });

  describe("a second block of pairs on the form (code review of round 52, M1)", () => {
    const part = (label: string, planned: number, spent: number): Row => [label, "全年预算数（万元）", planned, "全年执行数（万元）", spent];
    const budgetOf = (a: Analysis) => a.budget.map((b) => [b.label, b.planned, b.spent, b.score]);

    it("a 其中 line of pairs under the block is a line of its budget table, the block's own line still scored", () => {
      const a = run(lineForm(PAIRS, [part("其中：财政拨款", 300, 290)]));
      expect(tables(a)).toEqual(["budget@自评表!A3:K4", "indicators@自评表!A5:H15"]);
      expect(budgetOf(a)).toEqual([
        ["预算执行情况", "500", "480", "9.6"],
        ["其中：财政拨款", "300", "290", null],
      ]);
      // One part alone says what part of the budget that is, as 合计 | 其中：财政拨款 in columns does.
      expect(findings(a)).toEqual([]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
    });

    it("lines of pairs naming each source are checked against the block, as a table's 其中 rows are", () => {
      expect(findings(run(lineForm(PAIRS, [part("其中：财政拨款", 300, 290), part("其他资金", 200, 190)])))).toEqual([]);
      const a = run(lineForm(PAIRS, [part("其中：财政拨款", 300, 290), part("其他资金", 190, 190)]));
      expect(findings(a)).toEqual(["sum-mismatch@C3"]);
      expect(message(a, "sum-mismatch", "C3")).toBe("“预算执行情况”填的是 500，但其中各项资金相加为 490。请改为 490，或核对各行数字。");
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
    });

    it("one part alone more than the whole is named, in the amounts where it is more (code review of round 53, M1)", () => {
      expect(findings(run(lineForm(PAIRS, [part("其中：财政拨款", 600, 590)])))).toEqual(["sum-mismatch@C3", "sum-mismatch@E3"]);
      // 290 of 480 spent is what one 其中 line states: only the 600 of 500 planned is wrong.
      expect(findings(run(lineForm(PAIRS, [part("其中：财政拨款", 600, 290)])))).toEqual(["sum-mismatch@C3"]);
    });

    it("a block set apart under a blank line, or stacked, is a part the same way", () => {
      const a = run(lineForm(PAIRS, [[], part("其中：财政拨款", 300, 290)]));
      expect(tables(a)).toEqual(["budget@自评表!A3:K5", "indicators@自评表!A6:H16"]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
      const stacked = run(
        workbook({
          name: "自评表",
          rows: [
            ...TITLE,
            ["预算执行情况", "全年预算数（万元）", 500],
            ["", "全年执行数（万元）", 480],
            ["", "分值", 10],
            ["", "得分", 9.6],
            ["其中：财政拨款", "全年预算数（万元）", 300],
            ["", "全年执行数（万元）", 290],
            ...INDICATORS,
          ],
          merges: ["A1:H1", "A3:A6", "A7:A8", ...indicatorMerges(9)],
        }),
      );
      expect(tables(stacked)).toEqual(["budget@自评表!A3:C8", "indicators@自评表!A9:H19"]);
      expect(budgetOf(stacked)).toEqual([
        ["预算执行情况", "500", "480", "9.6"],
        ["其中：财政拨款", "300", "290", null],
      ]);
      expect(totalsOf(stacked)).toEqual([["98.1", "优"]]);
    });

    it("a second block that breaks nothing down is read in no table: the first is the form's budget", () => {
      const a = run(lineForm(PAIRS, [part("上年预算执行情况", 400, 380)]));
      expect(tables(a)).toEqual(["budget@自评表!A3:K3", "indicators@自评表!A5:H15"]);
      expect(budgetOf(a)).toEqual([["预算执行情况", "500", "480", "9.6"]]);
      expect(totalsOf(a)).toEqual([["98.1", "优"]]);
    });

    it("parts with no whole (财政拨款, then 其他资金) are no budget line", () => {
      const sources = PAIRS.map((v, i) => (i === 0 ? "财政拨款" : v));
      const a = run(lineForm(sources, [part("其他资金", 200, 190)]));
      expect(a.tables.filter((t) => t.kind === "budget")).toEqual([]);
    });
  });

  it("another form's budget table further down does not make a form's pairs a 资金 line beside a budget table of its own", () => {
    const second: Row[] = [
      ["项目支出绩效自评表"],
      ["项目名称", "2023年乡村道路养护项目", "", "", "实施单位", "县农村公路建设养护中心"],
      ["预算执行情况", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
      ["年度资金总额（万元）", 400, 400, 1, 10, 10],
    ];
    const rows = [...TITLE, PAIRS, ...INDICATORS, [], ...second, ...INDICATORS];
    const a = run(workbook({ name: "自评表", rows, merges: ["A1:J1", ...indicatorMerges(4), ...indicatorMerges(20)] }));
    expect(tables(a)).toEqual(["budget@自评表!A3:K3", "indicators@自评表!A4:H14", "budget@自评表!A18:F19", "indicators@自评表!A20:H30"]);
    // The second form records 98.1 where its parts add up to 98.5.
    expect(findings(a)).toEqual(["total-mismatch@G29"]);
    expect(totalsOf(a)).toEqual([
      ["98.1", "优"],
      ["98.5", "优"],
    ]);
  });

  it("a transposed table (each field's figures by source across its row) is no stack of pairs", () => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          ...TITLE,
          ["预算执行情况", "全年预算数（万元）", 500, 420, 80],
          ["", "全年执行数（万元）", 480, 400, 80],
          ...INDICATORS,
        ],
        merges: ["A1:H1", "A3:A4", ...indicatorMerges(5)],
      }),
    );
    expect(a.tables.filter((t) => t.kind === "budget")).toEqual([]);
  });
});
