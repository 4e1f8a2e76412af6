/**
 * The report's vocabulary (phases, themes and their labels), apart from the schemas in ./model.ts:
 * the app's first script uses these without loading the validation library.
 */
/** The report's temporal frames, read from the part a paragraph sits in; "unknown" for text with no
 * part headings (a news article, a pasted excerpt) or a part heading that names no time frame. */
export const PHASES = ['review', 'plan', 'tasks', 'preamble', 'unknown'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, { zh: string; en: string }> = {
  review: { zh: '已完成 2012–2016', en: 'Done 2012–2016' },
  plan: { zh: '五年目标 2017–2021', en: 'Five-year goals 2017–2021' },
  tasks: { zh: '2017 年任务', en: 'Planned for 2017' },
  preamble: { zh: '开篇', en: 'Opening' },
  unknown: { zh: '时段不明', en: 'Time frame not stated' },
};

/** Themes follow the report's own section headings (the same seven recur in every part); "other"
 * is a section heading that no keyword places (the parse warns about it). */
export const THEMES = [
  'decongestion',
  'environment',
  'economy',
  'culture',
  'governance',
  'livelihood',
  'government',
  'overview',
  'other',
] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_LABELS: Record<Theme, { zh: string; en: string }> = {
  decongestion: { zh: '疏解非首都功能', en: 'Non-capital functions relocated' },
  environment: { zh: '区域环境', en: 'Urban environment' },
  economy: { zh: '经济', en: 'Economy' },
  culture: { zh: '文化', en: 'Culture & heritage' },
  governance: { zh: '社会治理', en: 'Social governance' },
  livelihood: { zh: '民生', en: "People's livelihood" },
  government: { zh: '政府自身建设', en: 'Government itself' },
  overview: { zh: '综述', en: 'Overview' },
  other: { zh: '其他', en: 'Other' },
};
