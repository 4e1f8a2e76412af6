import type { Category, Precision } from '../core/gazetteer/model';
import type { Lang } from '../core/state/url';

const STRINGS = {
  appName: { zh: '西城报告地图', en: 'Xicheng Report Atlas' },
  tabReport: { zh: '报告', en: 'Report' },
  tabList: { zh: '地点', en: 'Places' },
  tabFilters: { zh: '筛选', en: 'Filters' },
  search: { zh: '搜索地点(中文、拼音、英文)', en: 'Search places (Chinese, pinyin, English)' },
  noResults: { zh: '没有找到', en: 'No match' },
  reset: { zh: '重置筛选', en: 'Reset filters' },
  theme: { zh: '主题', en: 'Theme' },
  phase: { zh: '阶段', en: 'Phase' },
  category: { zh: '类别', en: 'Category' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  precision: { zh: '位置精度', en: 'Location precision' },
  story: { zh: '随文联动', en: 'Story mode' },
  outside: { zh: '区外地点', en: 'Places outside Xicheng' },
  legend: { zh: '图例', en: 'Legend' },
  about: { zh: '关于', en: 'About' },
  close: { zh: '关闭', en: 'Close' },
  mentions: { zh: '报告提及', en: 'Mentioned in the report' },
  showInReport: { zh: '在报告中查看', en: 'Show in the report' },
  showOnMap: { zh: '在地图上显示', en: 'Show on map' },
  prev: { zh: '上一处', en: 'Previous' },
  next: { zh: '下一处', en: 'Next' },
  source: { zh: '位置来源', en: 'Location source' },
  placesShown: { zh: '个地点', en: 'places' },
  noSite: { zh: '无具体地点,不在地图上标注', en: 'No site of its own; not drawn on the map' },
  districtWide: { zh: '适用于全区,不标注为点', en: 'Applies district-wide; not pinned to a point' },
  compound: { zh: '合称,包括', en: 'A compound name for' },
  related: { zh: '相关地点', en: 'Related places' },
  outsideFlag: { zh: '西城区外', en: 'Outside Xicheng' },
  approx: { zh: '大致位置,误差约', en: 'Approximate location, within about' },
  metres: { zh: '米', en: 'm' },
  exact: { zh: '精确位置', en: 'Exact location' },
  areaPrec: { zh: '范围', en: 'Area outline' },
  dropped: { zh: '链接中有无法识别的参数,已忽略:', en: 'Ignored parts of the link:' },
  lang: { zh: 'English', en: '中文' },
  listEmpty: { zh: '没有符合筛选条件的地点', en: 'No places match the filters' },
  attribution: { zh: '数据来源', en: 'Data sources' },
  basemapFailed: { zh: '底图未能载入:', en: 'The basemap failed to load:' },
  modesFailed: { zh: '部分功能未能载入:', en: 'Some features failed to load:' },
  noWebgl: {
    zh: '此设备无法显示地图(WebGL 不可用)。仍可阅读报告、按地点列表浏览、筛选和搜索。',
    en: 'This device cannot draw the map (WebGL is unavailable). You can still read the report, browse and filter the list of places, and search.',
  },
} as const;
export type StringKey = keyof typeof STRINGS;

let current: Lang = 'zh';
export const setLang = (l: Lang) => {
  current = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
};
export const lang = () => current;
export const t = (k: StringKey): string => STRINGS[k][current];

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
  institution: ['机构', 'Institution'],
  area: ['地区', 'Area'],
  region: ['区外地区', 'Region outside Xicheng'],
  event: ['活动', 'Event'],
  organisation: ['机构组织', 'Organisation'],
};
export const categoryLabel = (c: Category) => CATEGORY[c][current === 'zh' ? 0 : 1];

const PRECISION: Record<Precision, [string, string]> = {
  exact: ['精确', 'Exact'],
  approximate: ['大致', 'Approximate'],
  area: ['范围', 'Area'],
  'district-wide': ['全区', 'District-wide'],
  'no-site': ['无具体地点', 'No site'],
  compound: ['合称', 'Compound'],
};
export const precisionLabel = (p: Precision) => PRECISION[p][current === 'zh' ? 0 : 1];
