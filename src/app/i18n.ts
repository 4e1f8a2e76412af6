import type { Category, Precision } from '../core/gazetteer/model';
import type { Lang } from '../core/state/url';
import { STRINGS } from './strings';

/** A table of strings in both languages; the main screen has one, each mode its own. */
export type Strings = Record<string, { readonly zh: string; readonly en: string }>;

let current: Lang = 'zh';
export const setLang = (l: Lang) => {
  current = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
};
export const lang = () => current;

/**
 * The one translation helper: a lookup into a table in the current language, with `{name}`
 * placeholders filled from `vars`. Each mode makes its own with its own table.
 */
export function translator<T extends Strings>(table: T): (key: keyof T & string, vars?: Record<string, string | number>) => string {
  return (key, vars) => {
    const s = table[key]?.[current] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}

export type StringKey = keyof typeof STRINGS;
export const t = translator(STRINGS);

const CATEGORY: Record<Category, [string, string]> = {
  subdistrict: ['街道', 'Subdistrict'],
  district: ['全区', 'District'],
  'wholesale-market': ['批发市场', 'Wholesale market'],
  heritage: ['文物古迹', 'Heritage site'],
  park: ['公园绿地', 'Park'],
  greenway: ['绿道', 'Greenway'],
  water: ['水域', 'Water'],
  renovation: ['棚改与老旧小区', 'Shantytown / old-compound renewal'],
  housing: ['保障住房', 'Housing'],
  road: ['道路', 'Road'],
  'cultural-venue': ['文化设施', 'Cultural venue'],
  commercial: ['商业与金融区', 'Commercial / financial district'],
  transport: ['交通', 'Transport'],
  school: ['学校', 'School'],
  hospital: ['医院', 'Hospital'],
  'elderly-care': ['养老', 'Elderly care'],
  sports: ['体育设施', 'Sports venue'],
  institution: ['社会福利机构', 'Welfare institution'],
  area: ['地区', 'Area'],
  region: ['区外地区', 'Region outside Xicheng'],
  event: ['活动', 'Event'],
  organisation: ['金融与国际组织', 'Financial / international organisation'],
};
export const categoryLabel = (c: Category) => CATEGORY[c][current === 'zh' ? 0 : 1];

const PRECISION: Record<Precision, [string, string]> = {
  exact: ['精确', 'Exact'],
  approximate: ['大致', 'Approximate'],
  area: ['范围', 'Area'],
  'district-wide': ['全区', 'District-wide'],
  'no-site': ['无具体地点', 'No site'],
  compound: ['合称', 'Compound'],
  'placed-by-user': ['用户标定', 'Placed by user'],
  unlocated: ['位置未查明', 'Location not found'],
};
export const precisionLabel = (p: Precision) => PRECISION[p][current === 'zh' ? 0 : 1];
