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

export function classifyTheme(heading: string): Theme | undefined {
  for (const [re, theme] of THEME_RULES) if (re.test(heading)) return theme;
  return undefined;
}

/** A part heading says which time frame its paragraphs describe. */
export function phaseOfPartHeading(heading: string): Phase | undefined {
  if (/回顾|过去/.test(heading)) return 'review';
  if (/(未来|今后)[一二三四五六七八九十\d]+年/.test(heading)) return 'plan';
  if (/(\d{4}|[〇零一二三四五六七八九]{4})年/.test(heading)) return 'tasks';
  return undefined;
}
