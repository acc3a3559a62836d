import { measureOf } from "./measures";

describe("measureOf: a time limit, the time a task may take", () => {
  const timeLimit = (name: string, level2 = "时效指标") => measureOf(name, "产出指标", level2, "").timeLimit;

  it.each([
    "审批办结时限",
    "资金拨付时效",
    "施工工期",
    "项目建设周期",
    "应急处置时长",
    "投诉办结时长",
    "平均办理时间",
    "群众等待时间",
    "应急响应时间",
    "故障抢修用时",
    "平均耗时",
    "问题整改期限",
    "补助资金到账时间",
  ])("%s is one", (name) => {
    expect(timeLimit(name)).toBe(true);
  });

  it.each([
    "设备使用年限",
    "设备使用寿命",
    "设备使用时间",
    "设备使用时长",
    "设施持续时间",
    "设备运行时间",
    "培训时长",
    "志愿服务时长",
    "图书馆开放时间",
    "投诉办结率",
    "按时办结率",
  ])("%s is none (time given or lasting, or a rate)", (name) => {
    expect(timeLimit(name)).toBe(false);
  });

  it("reads 完成时长 as one on a 时效指标 only: 志愿服务完成时长 under 数量指标 is hours done (review 54 M1)", () => {
    expect(timeLimit("任务完成时长")).toBe(true);
    expect(timeLimit("志愿服务完成时长", "数量指标")).toBe(false);
    expect(timeLimit("项目完成时间", "数量指标")).toBe(true);
  });

  it("is read from the name, not from a 时效指标 category", () => {
    expect(timeLimit("应急救援培训", "时效指标")).toBe(false);
  });
});

describe("measureOf: a change", () => {
  const change = (name: string) => measureOf(name, "产出指标", "数量指标", "").change;

  it.each(["业务办理时长缩短", "办理时长压缩", "年限延长", "绿化面积扩大", "办件数量上升", "一般性支出压减", "审批环节精简", "发文数量缩减", "检查次数削减", "平均办结时长节约", "出件时长降幅"])("%s is one", (name) => {
    expect(change(name)).toBe(true);
  });

  it.each(["审批时长", "垃圾压缩站数量", "空气压缩机台数", "新建管网延长米", "绿化面积", "带动扩大就业人数", "购置压缩式垃圾车"])("%s is none (a plain quantity, or a thing's name)", (name) => {
    expect(change(name)).toBe(false);
  });
});

describe("measureOf: a rate", () => {
  const measure = (name: string) => measureOf(name, "满意度指标", "服务对象满意度指标", "");

  it.each(["服务对象满意度", "群众满意度（%）", "满意度调查覆盖率", "出勤率", "政策知晓度", "治疗有效率"])("%s is one", (name) => {
    expect(measure(name).rate).toBe(true);
  });

  it.each([
    ["开展满意度调查", false],
    ["满意度回访", false],
    ["发放满意度调查问卷", false],
    ["满意度调查户数", true],
    ["群众满意度调查人数", true],
    ["出勤率抽查次数", true],
    ["巡查频率", false],
    ["新增装机功率", false],
    ["宽带接入速率", false],
    ["审批效率", false],
    ["政务服务效率", false],
    ["监控摄像头分辨率", false],
  ])("%s states no rate (counted: %s)", (name, count) => {
    expect(measure(name).rate).toBe(false);
    expect(measure(name).count).toBe(count);
  });
});
