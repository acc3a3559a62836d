/**
 * fast-check generators of self-evaluation workbooks: random wordings, offsets, merged labels,
 * odd values (text in number columns, error values, blanks), for the "nothing lost" properties.
 */
import fc from "fast-check";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { workbook } from "./grid";

const comparator = fc.constantFrom("", "≥", "≤", ">", "<", "=", "＞", "≧", ">=", "不低于", "不超过", "约", "达到");
const number = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }).map((n) => n.toFixed(2)),
  fc.constantFrom("1,234.5", "１２０", "0", "100", "98.5", "15000"),
);
const unit = fc.constantFrom("", "%", "万元", "元", "次", "场", "家单位", "天", "个月", "人次", "㎡", "度", "年", "‰");
const qualitative = fc.constantFrom("高质量完成", "按期完成", "有效提升", "达成", "部分达成", "未达成", "基本实现", "效果明显", "/", "—", "无", "");
const junk = fc.string({ maxLength: 8 });

export const valueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(comparator, number, unit).map(([c, n, u]) => `${c}${n}${u}`) },
  { weight: 2, arbitrary: qualitative },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("低于", "≥"), number, fc.constantFrom("%及以上", "以内", "以上")).map((p) => p.join("")) },
  { weight: 1, arbitrary: junk },
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: valueText },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }) },
);
const weight: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("五", "10分", { error: "#REF!" }) },
);
const score: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 25 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 20, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100) },
  { weight: 1, arbitrary: fc.constantFrom("满分", "") },
);

const indicatorHeader = fc.constantFrom(
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "全年实际值(B)", "权重", "自评得分", "未完成原因分析"],
  ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分", "原因"],
);
const budgetHeader = fc.constantFrom(
  ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["资金来源", "年初预算数(A)", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
  ["项目", "年初预算", "调整后预算数", "实际支出", "权重", "预算执行率", "自评得分"],
);
const level1 = fc.constantFrom("产出指标（50分）", "效益指标（30分）", "满意度指标（10分）", "成本指标", "产出目标", "其他");
const level2 = fc.constantFrom("数量指标", "质量指标", "时效指标", "成本指标", "社会效益", "经济效益", "服务对象满意度", "");
const name = fc.constantFrom("培训场次", "验收合格率", "完成时限", "项目成本", "受益人数", "满意度", "使用年限", "覆盖面积", "资金执行率", "会议次数", "办公经费");

/** One indicator row in INDICATOR_HEADER's columns (一级 … 得分, 原因): odd values included. */
export const indicatorRow = fc
  .tuple(level1, level2, name, valueText, cellValue, weight, score, fc.constantFrom("", "", "已说明原因"))
  .map((row): CellValue[] => [...row]);
const budgetRow = fc.tuple(
  fc.constantFrom("年度资金总额", "其中：本年财政拨款", "上年结转资金", "其他资金", "合计", "办公楼维修"),
  cellValue,
  fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(0), cellValue),
  fc.oneof(fc.integer({ min: 0, max: 6000 }), cellValue),
  weight,
  fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1.5, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 1e4) / 1e4)),
  score,
);

/** One sheet: optional title, optional budget table, an indicator table with merged 一级 runs, total and grade rows. */
const sheetSpec = fc
  .record({
    title: fc.option(fc.constantFrom("2023年度项目支出绩效自评表", "单位：万元"), { nil: undefined }),
    budgetHeader: fc.option(budgetHeader, { nil: undefined }),
    budgetRows: fc.array(budgetRow, { minLength: 1, maxLength: 4 }),
    indicatorHeader,
    indicatorRows: fc.array(indicatorRow, { minLength: 1, maxLength: 12 }),
    total: fc.option(fc.tuple(fc.constantFrom("总分", "绩效自评综合得分", "合计"), score), { nil: undefined }),
    grade: fc.option(fc.constantFrom("优", "良", "中", "差", "优秀"), { nil: undefined }),
    col: fc.integer({ min: 0, max: 3 }),
    mergeLevel1: fc.boolean(),
  })
  .map((s) => {
    const rows: CellValue[][] = [];
    const merges: string[] = [];
    const pad = (cells: CellValue[]) => [...Array(s.col).fill(null), ...cells];
    const letter = (i: number) => String.fromCharCode(65 + s.col + i);
    if (s.title) rows.push(pad([s.title]), []);
    if (s.budgetHeader) {
      rows.push(pad([...s.budgetHeader]));
      for (const r of s.budgetRows) rows.push(pad(r));
      rows.push([]);
    }
    rows.push(pad([...s.indicatorHeader]));
    let runStart = rows.length;
    s.indicatorRows.forEach((r, i) => {
      const sameAsAbove = i > 0 && r[0] === s.indicatorRows[i - 1][0];
      if (s.mergeLevel1 && sameAsAbove) {
        rows.push(pad([null, ...r.slice(1)]));
      } else {
        if (s.mergeLevel1 && rows.length - runStart > 1) merges.push(`${letter(0)}${runStart + 1}:${letter(0)}${rows.length}`);
        runStart = rows.length;
        rows.push(pad(r));
      }
    });
    if (s.mergeLevel1 && rows.length - runStart > 1) merges.push(`${letter(0)}${runStart + 1}:${letter(0)}${rows.length}`);
    if (s.total) rows.push(pad([s.total[0], null, null, null, null, null, s.total[1]]));
    if (s.grade) rows.push(pad(["评价等次", null, null, null, null, null, s.grade]));
    return { rows, merges };
  });

export const arbitraryWorkbook: fc.Arbitrary<WorkbookGrid> = fc
  .array(sheetSpec, { minLength: 1, maxLength: 3 })
  .map((sheets) => workbook(...sheets.map((s, i) => ({ name: `表${i + 1}`, rows: s.rows, merges: s.merges }))));
