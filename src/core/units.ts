/**
 * Units that targets and actuals are written in (domain.md §2): which family a unit belongs to and,
 * where it converts, its exact factor to the family's base. Pure data and lookups, no parsing.
 */
import Decimal from "decimal.js";

export type UnitFamily =
  | "percent"
  | "permille"
  | "money"
  | "count"
  | "time"
  | "area"
  | "length"
  | "temperature"
  | "energy"
  | "mass"
  | "power"
  | "other";

export interface Unit {
  /** Canonical symbol: every alias of a unit yields the same symbol ("平方米" → "㎡"). */
  symbol: string;
  family: UnitFamily;
  /**
   * Factor to the base unit, chosen so that every factor is an exact decimal (time counts in 分钟,
   * area in 亩); null = the unit compares only with the identical symbol.
   */
  factor: Decimal | null;
  /**
   * The base unit `factor` converts to. Needed because one family can hold two scales that do not
   * convert into each other: time has 分钟 (分钟, 小时, 天, 周) and 个月 (个月, 年).
   */
  base?: string;
  /** A rate per unit (2万元/公里, 3000元/㎡): what is counted and what it is counted per. */
  per?: { numerator: Unit; denominator: Unit };
}

interface UnitDef {
  symbol: string;
  family: UnitFamily;
  /** Exact decimal text; absent = factor null. */
  factor?: string;
  base?: string;
  aliases?: string[];
}

/** Units of one family that convert into each other; the first listed is the base (factor 1). */
function scale(family: UnitFamily, defs: [symbol: string, factor: string, aliases?: string[]][]): UnitDef[] {
  const base = defs[0][0];
  return defs.map(([symbol, factor, aliases]) => ({ symbol, family, factor, base, aliases }));
}

/** Units that compare only with themselves (factor null). */
function plain(family: UnitFamily, symbols: string[]): UnitDef[] {
  return symbols.map((symbol) => ({ symbol, family }));
}

const DEFS: UnitDef[] = [
  ...scale("percent", [["%", "1", ["百分比"]]]),
  // Percentage points are a difference of two rates, not a share of something: own symbol only.
  { symbol: "百分点", family: "percent", aliases: ["个百分点"] },
  // 5‰ is 0.5%: its factor is in percent, so that the two compare (≤5‰ against 0.6%).
  { symbol: "‰", family: "permille", factor: "0.1", base: "%" },
  // Rates per ten thousand and per hundred thousand (孕产妇死亡率 ≤18/10万, 发病率 ≤10/万, 5‱): shares
  // finer than ‰, in the same family and converting with it and with %.
  { symbol: "/万", family: "permille", factor: "0.01", base: "%", aliases: ["‱", "/1万", "/一万"] },
  { symbol: "/10万", family: "permille", factor: "0.001", base: "%", aliases: ["/十万"] },
  ...scale("money", [
    ["元", "1"],
    ["千元", "1000"],
    ["万元", "10000"],
    ["百万元", "1000000"],
    ["千万元", "10000000"],
    ["亿元", "100000000"],
  ]),
  ...plain("count", ["次", "场", "场次", "个", "家", "辆", "辆次", "人", "人次", "份", "套", "台", "项"]),
  ...plain("count", ["件", "批", "本", "篇", "期", "户", "间", "处", "宗", "所", "块", "棵", "株"]),
  // Further counts seen in indicator tables (people, roads, buildings, books, livestock).
  ...plain("count", ["名", "条", "座", "张", "册", "栋", "头", "只", "批次", "户次"]),
  // …and in infrastructure and health tables (lamps, wells, beds, vessels, bids, the spans of a
  // culvert or bridge: 6孔涵洞). 部, 门, 节, 口, 单 and 根 start common words (部门, 门诊, 节约, 口罩,
  // 单位, 根据): they are read as units only where they end a value, or in the target's unit (values.ts countInUnitOf).
  ...plain("count", ["盏", "眼", "床", "床位", "艘", "架", "孔", "标段", "车次"]),
  // Incidents (安全事故0起, 有1起, 发生三起): listed, so that a count after a word (有, 发生) or in
  // numerals is read as one typed alone (1起) is. 起 opens words (起到, 起诉): a unit only at a
  // value's end or before a comparator or a stop (values.ts opensWord).
  ...plain("count", ["起"]),
  // Visits and person-time: not the 亩, 篇, 家, 套, 台 or 人 they start with.
  ...plain("count", ["亩次", "篇次", "家次", "套次", "台次", "人年"]),
  // The base is 分钟 so that every factor is an integer: 1天 = 24小时 = 1440分钟.
  ...scale("time", [
    ["分钟", "1", ["min"]],
    ["小时", "60", ["个小时"]],
    ["天", "1440", ["日"]],
    ["周", "10080", ["星期", "个星期"]],
  ]),
  ...scale("time", [
    ["个月", "1", ["月"]],
    ["年", "12"],
  ]),
  { symbol: "工作日", family: "time", aliases: ["个工作日"] },
  // The base is 亩 so that every factor is an exact decimal: 1㎡ = 0.0015亩, i.e. 1亩 = 2000/3㎡.
  ...scale("area", [
    ["亩", "1"],
    ["㎡", "0.0015", ["平方米", "平米", "m²"]],
    ["万平方米", "15"],
    ["公顷", "15"],
    ["平方公里", "1500", ["平方千米", "km²"]],
    ["万亩", "10000"],
  ]),
  ...scale("length", [
    ["米", "1", ["m"]],
    ["公里", "1000", ["km", "千米"]],
    ["厘米", "0.01", ["cm"]],
    ["毫米", "0.001", ["mm"]],
  ]),
  // In these tables 度 after a number is a temperature (取暖温度 ≥20度); electricity is 度电.
  ...scale("temperature", [["℃", "1", ["度", "摄氏度"]]]),
  ...scale("energy", [
    ["千瓦时", "1", ["kWh", "度电"]],
    ["万千瓦时", "10000", ["万kWh"]],
  ]),
  { symbol: "吨标准煤", family: "energy", aliases: ["吨标煤"] },
  ...scale("mass", [
    ["千克", "1", ["kg", "公斤"]],
    ["克", "0.001"],
    ["斤", "0.5"],
    ["吨", "1000", ["t"]],
    ["万吨", "10000000"],
  ]),
  ...scale("power", [
    ["千瓦", "1", ["kW"]],
    ["兆瓦", "1000", ["MW"]],
  ]),
  // Concentrations (PM2.5, water quality), each as Chinese and as SI symbols.
  { symbol: "微克/立方米", family: "other", aliases: ["μg/m³", "ug/m³"] },
  { symbol: "毫克/升", family: "other", aliases: ["mg/L"] },
  // Noise (≤55分贝) and person-days: not 分 (points) or 人 followed by a word.
  { symbol: "分贝", family: "other", aliases: ["dB"] },
  { symbol: "人日", family: "count" },
  // An age (60周岁) and an anniversary (建党100周年) are no weeks.
  { symbol: "岁", family: "other", aliases: ["周岁"] },
  { symbol: "周年", family: "other" },
  // Scores (满意度 ≥90分) and multiples (增长2倍) have no family of their own.
  ...plain("other", ["分", "倍"]),
  ...scale("other", [
    ["立方米", "1", ["m³"]],
    ["万立方米", "10000"],
  ]),
];

/** How lookups compare text: full-width and compatibility forms folded (㎡ → m2), no spaces, lower case. */
function normalizeUnitText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function buildUnits(): { byKey: Map<string, Unit>; written: string[] } {
  const byKey = new Map<string, Unit>();
  const written: string[] = [];
  for (const def of DEFS) {
    const factor = def.factor === undefined ? null : new Decimal(def.factor);
    const unit: Unit = Object.freeze({ symbol: def.symbol, family: def.family, factor, ...(def.base ? { base: def.base } : {}) });
    for (const name of [def.symbol, ...(def.aliases ?? [])]) {
      written.push(name);
      byKey.set(normalizeUnitText(name), unit);
    }
  }
  return { byKey, written };
}

const { byKey: UNITS, written: WRITTEN } = buildUnits();

/** A plain order for ties: localeCompare collates through ICU, which is slow at load. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Normalised keys, longest first, for matching a unit at the start of a text. */
const KEYS = [...UNITS.keys()].sort((a, b) => b.length - a.length || byCodeUnits(a, b));

/** The keys by their first character: a prefix match then tries a handful, not all of them. */
const KEYS_BY_FIRST = new Map<string, string[]>();
for (const key of KEYS) KEYS_BY_FIRST.set(key.charAt(0), [...(KEYS_BY_FIRST.get(key.charAt(0)) ?? []), key]);

/** Every known symbol and alias as written and as normalised, longest first. @internal exported for tests */
export const UNIT_SYMBOLS: readonly string[] = Object.freeze(
  [...new Set([...WRITTEN, ...KEYS])].sort((a, b) => b.length - a.length || byCodeUnits(a, b)),
);

/** The unit a text names exactly (after normalisation): "平方米" → ㎡, "ＫＭ" → 公里; undefined if unknown. */
export function lookupUnit(text: string): Unit | undefined {
  return UNITS.get(normalizeUnitText(text));
}

/**
 * The longest unit at the start of `text`, which must already be NFKC-normalised without spaces.
 * A Latin unit must not run into further Latin letters ("100Mbps" is not 100 米).
 */
export function matchUnitPrefix(text: string): { unit: Unit; length: number } | undefined {
  for (const key of KEYS_BY_FIRST.get(text.charAt(0).toLowerCase()) ?? []) {
    if (text.length < key.length || text.slice(0, key.length).toLowerCase() !== key) continue;
    if (/[a-z]$/.test(key) && /^[a-z]/i.test(text.slice(key.length))) continue;
    return { unit: UNITS.get(key) as Unit, length: key.length };
  }
  return undefined;
}

/**
 * Count words that name the same thing (800场 against 820场次; 50名 against 48人; 个, 项 and 件 all
 * count items; vehicles are counted in 辆 or 台). 人 and 人次 do not: people are not visits.
 */
const SAME_COUNT: Record<string, string> = { 场次: "场", 名: "人", 项: "个", 件: "个", 辆: "台", 辆次: "台次" };
const countKey = (unit: Unit): string => SAME_COUNT[unit.symbol] ?? unit.symbol;
/**
 * Measure words of things, which 个, the measure word of anything, may stand for (12个 against ≥12座,
 * 5个 against 5处). Not those of people, households, visits or events (人, 户, 人次, 次, 场, 期),
 * which forms count in their own words.
 */
const THINGS_MEASURED = new Set(["座", "处", "所", "栋", "幢", "间", "台", "套", "口", "眼", "条", "块", "张", "辆", "艘", "架", "部", "家", "支", "只", "盏", "株", "棵", "本", "册"]);
const anyThing = (a: Unit, b: Unit): boolean => a.symbol === "个" && THINGS_MEASURED.has(b.symbol);

/** Percent and per mille are both shares of a whole, which convert into each other. */
const shareOrFamily = (unit: Unit): UnitFamily => (unit.family === "permille" ? "percent" : unit.family);

export function unitsConvertible(a: Unit, b: Unit): boolean {
  if (a.symbol === b.symbol) return true;
  // 万元/公里 converts to 元/公里 and 元/米.
  if (a.per && b.per) return unitsConvertible(a.per.numerator, b.per.numerator) && unitsConvertible(a.per.denominator, b.per.denominator);
  const rate = a.per ? a : b.per ? b : undefined;
  if (rate?.per) {
    const other = rate === a ? b : a;
    const { numerator, denominator } = rate.per;
    // 人/次 is how many forms write 人次.
    if (numerator.symbol + denominator.symbol === other.symbol) return true;
    // Money per unit is no total (≤2万元/公里 against 380万元). Anything else per item or person
    // against a bare value (≤3天/件 against 2.5天) is that value per item, compared as written.
    return numerator.family !== "money" && denominator.family === "count" && unitsConvertible(numerator, other);
  }
  if (a.family === "count" && b.family === "count" && countKey(a) === countKey(b)) return true;
  if (anyThing(a, b) || anyThing(b, a)) return true;
  if (shareOrFamily(a) !== shareOrFamily(b) || a.factor === null || b.factor === null) return false;
  return a.base === undefined || b.base === undefined || a.base === b.base;
}

/**
 * A unit jixiao has no entry for (a 计量单位 text, 标准箱 after a number): it compares only with the
 * same text, and converts to nothing.
 */
export function unitNamed(text: string): Unit {
  return lookupUnit(text) ?? { symbol: text, family: "other", factor: null };
}

/**
 * A unit per another (2万元/公里, 50元/人次, 10学时/人): its own symbol, in no family of its own
 * (a cost per kilometre is not money to add up), convertible only to another rate per unit whose
 * parts convert (see unitsConvertible).
 */
export function unitPer(numerator: Unit, denominator: Unit): Unit {
  return Object.freeze({ symbol: `${numerator.symbol}/${denominator.symbol}`, family: "other", factor: null, per: { numerator, denominator } });
}

const MINUTES_A_DAY = new Decimal(1440);
/** The months' lengths over four years, one of them a leap year: every run of months there is. */
const FOUR_YEARS_OF_MONTHS = [0, 1, 2, 3].flatMap((year) => [31, year === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);

/**
 * The fewest and most days `months` months in a row can have (5个月: 150 to 153, 6个月: 181 to
 * 184, 12个月: 365 to 366), from every month they may start in; a part of a month at 28 to 31 days.
 */
function daysInMonths(months: Decimal): [Decimal, Decimal] {
  const whole = months.floor().toNumber();
  let fewest = Infinity;
  let most = 0;
  for (let start = 0; start < FOUR_YEARS_OF_MONTHS.length; start++) {
    let days = 0;
    for (let i = 0; i < whole; i++) days += FOUR_YEARS_OF_MONTHS[(start + i) % FOUR_YEARS_OF_MONTHS.length];
    fewest = Math.min(fewest, days);
    most = Math.max(most, days);
  }
  const part = months.minus(whole);
  return [part.times(28).plus(fewest), part.times(31).plus(most)];
}

/**
 * A duration in minutes, the days' scale's base: exact for 分钟, 小时, 天 and 周; for 个月 and 年 its
 * shortest and longest (see daysInMonths); N 工作日 at least N days and at most any number
 * (`longest` null: holidays fall between them). Null for any other unit.
 */
export function durationInMinutes(value: Decimal, unit: Unit): { shortest: Decimal; longest: Decimal | null } | null {
  if (unit.symbol === "工作日") return { shortest: value.times(MINUTES_A_DAY), longest: null };
  if (unit.family !== "time" || unit.factor === null) return null;
  if (unit.base !== "个月") {
    const minutes = toBase(value, unit);
    return { shortest: minutes, longest: minutes };
  }
  // Runs of months too long to matter here (centuries) are taken at 28 to 31 days a month.
  const months = toBase(value, unit);
  const [fewest, most] = months.lte(1200) ? daysInMonths(months) : [months.times(28), months.times(31)];
  return { shortest: fewest.times(MINUTES_A_DAY), longest: most.times(MINUTES_A_DAY) };
}

/** The value in its family's base unit; a unit without factor leaves the value as it is. */
export function toBase(value: Decimal, unit: Unit): Decimal {
  if (unit.per) return toBase(value, unit.per.numerator).div(toBase(new Decimal(1), unit.per.denominator));
  return unit.factor === null ? value : value.times(unit.factor);
}
