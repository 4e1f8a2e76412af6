import type { Phase, Theme } from './model';

/**
 * Section headings name their theme in a few recurring words. Order matters: a heading such
 * as "大力改善区域环境,全面提升城市治理水平" is about the environment although it says 治理,
 * so the environment rule comes before the governance rule.
 */
const THEME_RULES: ReadonlyArray<[RegExp, Theme]> = [
  [/疏解|非首都功能|功能优化|战略定位/, 'decongestion'],
  [/生态|环境|大城市病/, 'environment'],
  [/文化|名城/, 'culture'],
  [/经济|产业|高精尖/, 'economy'],
  [/民生|公共服务|群众生活|发展为民|福祉/, 'livelihood'],
  [/社会治理|群众工作|社会和谐|平安/, 'governance'],
  [/政府|从严治|廉政|法治|政治纪律|改革创新/, 'government'],
];

/**
 * Words that other years' headings use for the same themes. They are tried only after the rules
 * above fail, and only for numbered section headings and text without structure, so the themes of
 * the 2017 report (whose lead headings fall back to "overview") never change.
 */
const MORE_THEME_RULES: ReadonlyArray<[RegExp, Theme]> = [
  [/疏解|腾退|减量|核心区|首都功能|服务保障|中央政务/, 'decongestion'],
  [/历史|文物|老城|古都|传承|非遗|旅游|会馆|故居|街区保护|中轴线/, 'culture'],
  [
    /绿化|绿地|园林|公园|污染|蓝天|碧水|城市管理|背街小巷|交通|停车|市容|整治|拆违|垃圾|宜居|城市更新|街区更新|步行|慢行|面貌|美丽/,
    'environment',
  ],
  [/金融|科技|创新|营商|企业|投资|消费|商业|税收|高质量发展|数字|服务业|开放|商圈/, 'economy'],
  [/教育|医疗|卫生|健康|养老|就业|住房|社会保障|社保|托育|体育|便民|幸福|百姓|民心|冷暖|群众/, 'livelihood'],
  [/治理|安全|稳定|基层|社区|网格|应急|共建|共治|接诉即办|疫情|防控/, 'governance'],
  [/党|作风|效能|依法|行政|审批|改革|担当|自身建设|干部/, 'government'],
];

export function classifyTheme(heading: string): Theme | undefined {
  for (const [re, theme] of THEME_RULES) if (re.test(heading)) return theme;
  return undefined;
}

/** Phrases whose words would mislead the 2017 rules (营商环境 is the business climate, not the environment). */
const PHRASE_RULES: ReadonlyArray<[RegExp, Theme]> = [[/营商环境/, 'economy']];

/** The theme of a numbered section heading: the 2017 words first, then the wider vocabulary. */
export function classifySectionTheme(heading: string): Theme | undefined {
  for (const [re, theme] of PHRASE_RULES) if (re.test(heading)) return theme;
  const first = classifyTheme(heading);
  if (first) return first;
  for (const [re, theme] of MORE_THEME_RULES) if (re.test(heading)) return theme;
  return undefined;
}

/**
 * The theme of a paragraph that sits under no heading (a news article): the theme whose words occur
 * most often in it; ties go to the earlier rule. "other" when no theme word occurs at all.
 */
export function classifyText(text: string): Theme {
  const score = new Map<Theme, number>();
  for (const [re, theme] of [...THEME_RULES, ...MORE_THEME_RULES]) {
    const n = text.match(new RegExp(re.source, 'g'))?.length ?? 0;
    if (n > 0) score.set(theme, (score.get(theme) ?? 0) + n);
  }
  let best: Theme = 'other';
  let bestN = 0;
  for (const [theme, n] of score) {
    if (n > bestN) {
      best = theme;
      bestN = n;
    }
  }
  return best;
}

const YEAR = /(\d{4}|[〇零一二三四五六七八九]{4})年/;

/**
 * A part heading says which time frame its paragraphs describe: a review (回顾, 过去一年, 五年来,
 * 2018年工作总结), a multi-year plan (今后五年, 未来五年, 十四五, 2021—2025年) or this year's tasks
 * (今年, 2019年工作任务/安排/重点工作). Review words win over a year (2018年工作回顾).
 */
export function phaseOfPartHeading(heading: string): Phase | undefined {
  if (/回顾|过去|以来|一年来|五年来|去年|上年|总结|成绩|成效|完成情况/.test(heading)) return 'review';
  if (/(未来|今后)[一二三四五六七八九十\d]+年|十[一二三四五六]五|五年规划|规划纲要/.test(heading)) return 'plan';
  if (/(\d{4}|[〇零一二三四五六七八九]{4})\s*[—–\-~至到]\s*(\d{4}|[〇零一二三四五六七八九]{4})年/.test(heading)) return 'plan';
  if (YEAR.test(heading) || /今年|本年|明年|新的一年/.test(heading)) return 'tasks';
  if (/重点工作|工作任务|工作安排|主要任务/.test(heading)) return 'tasks';
  return undefined;
}
