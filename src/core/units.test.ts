import Decimal from "decimal.js";
import { UNIT_SYMBOLS, Unit, UnitFamily, lookupUnit, matchUnitPrefix, toBase, unitsConvertible } from "./units";

function unit(text: string): Unit {
  const found = lookupUnit(text);
  if (!found) throw new Error(`unknown unit in test: ${text}`);
  return found;
}

function inBase(value: string, text: string): string {
  return toBase(new Decimal(value), unit(text)).toFixed();
}

describe("lookupUnit", () => {
  it.each<[string, string, UnitFamily]>([
    ["%", "%", "percent"],
    ["％", "%", "percent"],
    ["百分比", "%", "percent"],
    ["百分点", "百分点", "percent"],
    ["个百分点", "百分点", "percent"],
    ["‰", "‰", "permille"],
    ["元", "元", "money"],
    ["千元", "千元", "money"],
    ["万元", "万元", "money"],
    ["百万元", "百万元", "money"],
    ["亿元", "亿元", "money"],
    ["次", "次", "count"],
    ["场次", "场次", "count"],
    ["人次", "人次", "count"],
    ["辆次", "辆次", "count"],
    ["株", "株", "count"],
    ["天", "天", "time"],
    ["日", "天", "time"],
    ["小时", "小时", "time"],
    ["个小时", "小时", "time"],
    ["分钟", "分钟", "time"],
    ["工作日", "工作日", "time"],
    ["个工作日", "工作日", "time"],
    ["个月", "个月", "time"],
    ["月", "个月", "time"],
    ["年", "年", "time"],
    ["周", "周", "time"],
    ["星期", "周", "time"],
    ["个星期", "周", "time"],
    ["周岁", "岁", "other"],
    ["周年", "周年", "other"],
    ["㎡", "㎡", "area"],
    ["平方米", "㎡", "area"],
    ["平米", "㎡", "area"],
    ["m²", "㎡", "area"],
    ["m2", "㎡", "area"],
    ["亩", "亩", "area"],
    ["公顷", "公顷", "area"],
    ["平方公里", "平方公里", "area"],
    ["km²", "平方公里", "area"],
    ["米", "米", "length"],
    ["m", "米", "length"],
    ["公里", "公里", "length"],
    ["km", "公里", "length"],
    ["KM", "公里", "length"],
    ["ｋｍ", "公里", "length"],
    ["千米", "公里", "length"],
    ["度", "℃", "temperature"],
    ["℃", "℃", "temperature"],
    ["°C", "℃", "temperature"],
    ["千瓦时", "千瓦时", "energy"],
    ["kWh", "千瓦时", "energy"],
    ["KWH", "千瓦时", "energy"],
    ["度电", "千瓦时", "energy"],
    ["吨标准煤", "吨标准煤", "energy"],
    ["吨标煤", "吨标准煤", "energy"],
    ["吨", "吨", "mass"],
    ["t", "吨", "mass"],
    ["千克", "千克", "mass"],
    ["kg", "千克", "mass"],
    ["公斤", "千克", "mass"],
    ["分", "分", "other"],
    ["立方米", "立方米", "other"],
    [" 万元 ", "万元", "money"],
  ])("%s → %s (%s)", (text, symbol, family) => {
    expect(lookupUnit(text)).toMatchObject({ symbol, family });
  });

  it.each(["", "单位", "万", "亿", "元/人", "次/年", "g", "美元", "个\\套"])("%s is not a unit", (text) => {
    expect(lookupUnit(text)).toBeUndefined();
  });

  it("returns the same frozen object for every alias", () => {
    expect(lookupUnit("平方米")).toBe(lookupUnit("㎡"));
    expect(Object.isFrozen(unit("万元"))).toBe(true);
  });

  it("gives every count unit no factor", () => {
    for (const symbol of ["次", "场", "个", "家", "辆", "人", "份", "套", "台", "项", "件", "批", "本", "篇", "期"]) {
      expect(unit(symbol)).toMatchObject({ family: "count", factor: null });
    }
    for (const symbol of ["户", "间", "处", "宗", "所", "块", "棵", "株", "名", "条", "座", "张", "册", "栋", "孔"]) {
      expect(unit(symbol)).toMatchObject({ family: "count", factor: null });
    }
  });
});

describe("toBase", () => {
  it.each([
    ["191.18", "万元", "1911800"],
    ["1911800", "元", "1911800"],
    ["2.5", "千元", "2500"],
    ["1.5", "亿元", "150000000"],
    ["3", "百万元", "3000000"],
    ["1", "天", "1440"],
    ["24", "小时", "1440"],
    ["90", "分钟", "90"],
    ["2", "周", "20160"],
    ["1", "年", "12"],
    ["18", "个月", "18"],
    ["3", "亩", "3"],
    ["2000", "㎡", "3"],
    ["1", "公顷", "15"],
    ["10000", "平方米", "15"],
    ["1", "平方公里", "1500"],
    ["1.2", "公里", "1200"],
    ["350", "厘米", "3.5"],
    ["2", "吨", "2000"],
    ["500", "克", "0.5"],
    ["1.5", "万千瓦时", "15000"],
  ])("%s %s → %s in base", (value, symbol, expected) => {
    expect(inBase(value, symbol)).toBe(expected);
  });

  it("converts money exactly: 191.18万元 equals 1911800元", () => {
    expect(toBase(new Decimal("191.18"), unit("万元")).equals(toBase(new Decimal(1911800), unit("元")))).toBe(true);
  });

  it("converts 亩 and ㎡ exactly (1亩 = 2000/3㎡)", () => {
    expect(toBase(new Decimal(3), unit("亩")).equals(toBase(new Decimal(2000), unit("㎡")))).toBe(true);
  });

  it("leaves a value without factor as it is", () => {
    expect(inBase("12", "次")).toBe("12");
    expect(inBase("5", "工作日")).toBe("5");
    expect(inBase("2", "吨标准煤")).toBe("2");
    expect(inBase("1.5", "百分点")).toBe("1.5");
  });
});

describe("unitsConvertible", () => {
  it.each([
    ["万元", "元", true],
    ["亿元", "千元", true],
    ["%", "%", true],
    ["%", "‰", true],
    ["‰", "百分点", false],
    ["%", "百分点", false],
    ["百分点", "个百分点", true],
    ["次", "次", true],
    ["次", "场", false],
    ["人", "人次", false],
    ["个", "项", true],
    ["件", "个", true],
    ["项", "次", false],
    ["辆", "台", true],
    ["辆次", "台次", true],
    ["辆", "套", false],
    ["天", "小时", true],
    ["分钟", "天", true],
    ["年", "个月", true],
    ["年", "月", true],
    ["天", "年", false],
    ["周", "天", true],
    ["周", "个月", false],
    ["周岁", "周", false],
    ["小时", "个月", false],
    ["工作日", "天", false],
    ["工作日", "个工作日", true],
    ["亩", "㎡", true],
    ["公顷", "平方公里", true],
    ["公里", "米", true],
    ["km", "m", true],
    ["度", "℃", true],
    ["千瓦时", "度电", true],
    ["千瓦时", "吨标准煤", false],
    ["吨", "kg", true],
    ["万元", "万吨", false],
    ["米", "㎡", false],
    ["分", "倍", false],
    ["立方米", "万立方米", true],
  ])("%s ~ %s: %s", (a, b, expected) => {
    expect(unitsConvertible(unit(a), unit(b))).toBe(expected);
    expect(unitsConvertible(unit(b), unit(a))).toBe(expected);
  });

  it("compares units made elsewhere by symbol, and by factor within a family", () => {
    const other: Unit = { symbol: "单位", family: "other", factor: null };
    expect(unitsConvertible(other, { ...other })).toBe(true);
    expect(unitsConvertible(other, unit("分"))).toBe(false);
    const money: Unit = { symbol: "十万元", family: "money", factor: new Decimal(100000) };
    expect(unitsConvertible(money, unit("元"))).toBe(true);
  });
});

describe("UNIT_SYMBOLS", () => {
  it("lists every symbol and alias, longest first", () => {
    expect(UNIT_SYMBOLS).toEqual(expect.arrayContaining(["%", "百分比", "万元", "平方米", "㎡", "km", "千瓦时", "度电", "吨标准煤"]));
    for (let k = 1; k < UNIT_SYMBOLS.length; k++) {
      expect(UNIT_SYMBOLS[k - 1].length).toBeGreaterThanOrEqual(UNIT_SYMBOLS[k].length);
    }
  });

  it("holds only names that lookupUnit knows", () => {
    for (const symbol of UNIT_SYMBOLS) expect(lookupUnit(symbol)).toBeDefined();
  });
});

describe("matchUnitPrefix", () => {
  it.each([
    ["万元以内", "万元", 2],
    ["场次", "场次", 2],
    ["家单位", "家", 1],
    ["次/年", "次", 1],
    ["个工作日内", "工作日", 4],
    ["个月", "个月", 2],
    ["度电", "千瓦时", 2],
    ["吨标准煤", "吨标准煤", 4],
    ["km以上", "公里", 2],
    ["KM", "公里", 2],
    ["m2", "㎡", 2],
    ["周内", "周", 1],
    ["周岁以上", "岁", 2],
    ["周年", "周年", 2],
  ])("%s starts with %s", (text, symbol, length) => {
    expect(matchUnitPrefix(text)).toEqual({ unit: unit(symbol), length });
  });

  it.each(["", "单位", "号楼", "mbps", "kmh", "以上"])("%s starts with no unit", (text) => {
    expect(matchUnitPrefix(text)).toBeUndefined();
  });
});
