/**
 * Scoring profiles to start from, each with the text it follows. Only differences a source states
 * are set; everything else stays at the 财预〔2020〕10号 default. A preset is a partial profile JSON,
 * the same shape `--profile` takes. A provincial variant joins only with a text that states its
 * numbers (none at hand yet: README, Presets).
 */
import { DEFAULT_PROFILE, Profile, profileFromJson } from "./profile";

export interface Preset {
  id: string;
  name: { zh: string; en: string };
  /** Where its numbers come from. */
  source: string;
  /** The settings it changes from the default (profile JSON). */
  settings: Record<string, unknown>;
}

export const PRESETS: Preset[] = [
  {
    id: "caiyu-2020-10",
    name: { zh: "财预〔2020〕10号（默认）", en: "MoF 财预〔2020〕10号 (default)" },
    source:
      "财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：预算执行率 10 分，产出、效益、满意度合计 90 分；定性指标达成 80%–100%、部分达成 60%–80%、未达成 0–60%；等次 优 ≥90、良 ≥80、中 ≥60、差 <60。",
    settings: {},
  },
  {
    id: "county-20-points",
    name: { zh: "区县自评表（预算执行率 20 分，定性 80/50）", en: "County form (budget 20 points, qualitative 80/50)" },
    source:
      "一区级 2020 年度项目支出绩效自评表的填报说明：预算执行情况 20 分（得分 = 20 分 × 执行率）；定性指标达成、部分达成、未达成分别按分值的 100%–80%、80%–50%、50%–0% 确定得分（https://1wenmi.com/doc/330418.html）。",
    settings: {
      name: "区县自评表（预算执行率 20 分，定性 80/50）",
      budgetWeight: 20,
      qualitative: { achieved: [0.8, 1], partial: [0.5, 0.8], notAchieved: [0, 0.5] },
    },
  },
];

/** The profile a preset describes (over the default, never over the current profile). */
export function presetProfile(preset: Preset): Profile {
  return profileFromJson(preset.settings, DEFAULT_PROFILE);
}
