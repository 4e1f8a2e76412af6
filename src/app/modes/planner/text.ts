import { lang } from '../../i18n';

/** Planner strings live with the planner (loaded lazily), not in the shared dictionary. */
export const tr = (zh: string, en: string): string => (lang() === 'zh' ? zh : en);
export const fmt = (n: number, d = 0): string =>
  n.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d, minimumFractionDigits: d });
