import Decimal from "decimal.js";
import fc from "fast-check";
import { CellValue } from "./grid";
import { UNIT_SYMBOLS, lookupUnit } from "./units";
import { Op, ParseContext, ParsedValue, decimalPlacesShown, parseNumber, parseValue } from "./values";

const OPS: readonly (Op | null)[] = [">=", ">", "<=", "<", "=", "≈", null];
const RUNS = 10_000;

const COMPARATORS = [
  "", "≥", "≤", ">", "<", "=", "＞", "＜", "≧", "≦", ">=", "<=", "＝", "≥=", "≈", "⩾", "≯",
  "不低于", "不少于", "达到", "大于等于", "高于", "超过", "不高于", "不超过", "低于", "小于", "少于",
  "控制在", "约", "近", "大约", "百分之",
];
const SUFFIXES = ["", "以上", "及以上", "以下", "及以下", "以内", "内", "左右", "余", "多", "(含)", "（含）"];
const QUALIFIERS = ["", "单位", "/年", "/人", "，有效提升", "(2023年)", "完成", "且≤5", "-100%", "至5", "万", "年底前"];
const MARKERS = ["", " ", "/", "／", "—", "——", "-", "--", "无"];
const PHRASES = ["按期完成", "高质量完成", "基本实现", "部分达成", "未达成", "效果明显", "有所提升", "2023年12月底前", "立行立改"];

const FULL_WIDTH: Record<string, string> = { ".": "．", ",": "，", "+": "＋", "-": "－", "%": "％" };

function fullWidth(text: string): string {
  return [...text].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[c] ?? c))).join("");
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/** A decimal as text: digits, optional fraction, optional sign. */
const decimalText = fc
  .tuple(fc.constantFrom("", "-", "+"), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
  .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? "" : "." + fraction}`);

/** Numbers in the many forms tables use: grouped, full-width, leading dot, odd separators. */
const numberText = fc.oneof(
  decimalText,
  decimalText.map(fullWidth),
  fc.bigInt({ min: 1000n, max: 10n ** 12n }).map((n) => groupThousands(n.toString())),
  fc.stringMatching(/^\.\d{1,4}$/),
  fc.stringMatching(/^[\d.,，．]{1,8}$/),
);

const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), maxLength: 6 });
const anyText = fc.string({ unit: "binary", maxLength: 12 });
const token = fc.oneof(
  fc.constantFrom(...COMPARATORS),
  numberText,
  fc.constantFrom(...UNIT_SYMBOLS),
  fc.constantFrom(...SUFFIXES),
  fc.constantFrom(...QUALIFIERS),
  fc.constantFrom(...MARKERS),
  fc.constantFrom(...PHRASES),
  cjk,
  anyText,
);

/** `[comparator] number [unit] [suffix] [qualifier]`, then anything mixed from the same pieces. */
const valueText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...COMPARATORS),
      numberText,
      fc.constantFrom("", ...UNIT_SYMBOLS),
      fc.constantFrom(...SUFFIXES),
      fc.constantFrom(...QUALIFIERS),
    )
    .map((parts) => parts.join("")),
  fc.array(token, { maxLength: 6 }).map((parts) => parts.join("")),
  fc.constantFrom(...MARKERS, ...PHRASES),
  anyText,
);

const formats = fc.oneof(
  fc.constantFrom(undefined, "General", "G/通用格式", "@", "0", "0%", "0.00%", "#,##0.00", "#,##0.0", '0.00"万元"', "yyyy-mm-dd", "0.0;[Red]-0.0", ";;;"),
  fc.string({ maxLength: 10 }),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  valueText,
  fc.record({ error: fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!") }),
  fc.record({ error: fc.string() }),
);

const context: fc.Arbitrary<ParseContext> = fc.record(
  {
    numFmt: formats,
    opColumn: fc.oneof(fc.constantFrom("=", "≥", "≤", "＞", "＜", "定性", "定量", "正向", "反向指标", "", "/"), anyText),
    unitColumn: fc.oneof(fc.constantFrom(...UNIT_SYMBOLS, "元/人", "次/年", "", "—", "支队伍"), anyText),
  },
  { requiredKeys: [] },
);

function checkInvariants(p: ParsedValue): void {
  expect(OPS).toContain(p.op);
  expect(p.text).toBe(p.text.trim());
  if (p.kind === "number") {
    expect(p.value).not.toBeNull();
    expect(p.value!.isFinite()).toBe(true);
    expect(p.problem).toBeNull();
  } else {
    expect(p.value).toBeNull();
    expect(p.contradictory).toBe(false);
  }
  if (p.kind === "empty") expect([p.op, p.unit, p.problem]).toEqual([null, null, null]);
  if (p.kind === "invalid") expect(p.problem).toMatch(/\S/);
  else expect(p.problem).toBeNull();
  if (p.kind !== "qualitative") expect([p.achievement, p.vague]).toEqual([null, false]);
}

describe("parseValue properties", () => {
  it(`never throws and keeps its invariants on ${RUNS} generated value strings`, () => {
    fc.assert(
      fc.property(valueText, fc.option(context, { nil: undefined }), (text, ctx) => {
        checkInvariants(parseValue(text, ctx));
        const n = parseNumber(text);
        if (n !== null) expect(n.isFinite()).toBe(true);
        const shown = decimalPlacesShown(text, ctx?.numFmt);
        expect(Number.isInteger(shown) && shown >= 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`never throws on ${RUNS} arbitrary cell values and contexts`, () => {
    fc.assert(
      fc.property(cellValue, context, (cell, ctx) => {
        checkInvariants(parseValue(cell, ctx));
        const n = parseNumber(cell);
        if (n !== null) expect(n.isFinite()).toBe(true);
        const shown = decimalPlacesShown(cell, ctx.numFmt);
        expect(Number.isInteger(shown) && shown >= 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads "≥" + n + "%" as exactly n, also written full-width', () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), (n, wide) => {
        const p = parseValue(wide ? `≥${fullWidth(n)}％` : `≥${n}%`);
        expect(p.kind).toBe("number");
        expect(p.op).toBe(">=");
        expect(p.unit?.symbol).toBe("%");
        expect(p.value!.equals(new Decimal(n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads n + 万元 as exactly n in 万元, and n grouped by thousands as n", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.stringMatching(/^\d{0,4}$/), (whole, fraction) => {
        const n = fraction ? `${whole}.${fraction}` : `${whole}`;
        const money = parseValue(`${n}万元`);
        expect(money.value!.equals(new Decimal(n))).toBe(true);
        expect(money.unit).toBe(lookupUnit("万元"));
        const grouped = parseNumber(groupThousands(whole.toString()) + (fraction ? `.${fraction}` : ""));
        expect(grouped!.equals(new Decimal(n))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a %-formatted number as exactly 100 times its shortest text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom("0%", "0.00%", "0.0%"), (x, numFmt) => {
        const p = parseValue(x, { numFmt });
        expect(p.kind).toBe("number");
        expect(p.value!.equals(new Decimal(String(x)).times(100))).toBe(true);
        expect(p.text.endsWith("%")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
