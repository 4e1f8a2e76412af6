import { lang } from '../../i18n';

/** A number in the current language's format. */
export const fmt = (n: number, d = 0): string =>
  n.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d, minimumFractionDigits: d });
