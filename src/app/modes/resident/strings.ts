import { translator } from '../../i18n';

/** Resident mode's own strings, kept here so the shared i18n table does not grow with each mode. */
export const RESIDENT_STRINGS = {
  title: { zh: '身边:报告里的这一片', en: 'Near me: what the report says about this area' },
  intro: {
    zh: '选一个中心点:用你的位置、在地图上点一下,或搜索一个地点、街道或地铁站。',
    en: 'Pick a centre: use your location, tap the map, or search for a place, a subdistrict or a subway station.',
  },
  locate: { zh: '用我的位置', en: 'Use my location' },
  locating: { zh: '正在定位…', en: 'Finding your location…' },
  located: { zh: '已定位到你的位置', en: 'Centred on your location' },
  tapHint: { zh: '也可以直接在地图上点一下', en: 'Or tap anywhere on the map' },
  searchLabel: { zh: '搜索地点、街道或地铁站', en: 'Search a place, subdistrict or subway station' },
  searchPlaceholder: { zh: '如:西单、什刹海、广安门', en: 'e.g. Xidan, Shichahai, 广安门' },
  searchAlt: { zh: '改为搜索地点', en: 'Search for a place instead' },
  noMatch: { zh: '没有找到', en: 'No match' },
  station: { zh: '地铁站', en: 'Subway station' },
  line: { zh: '号线', en: '' },
  radius: { zh: '半径', en: 'Radius' },
  exit: { zh: '退出身边', en: 'Leave Near me' },
  centre: { zh: '中心', en: 'Centre' },
  centreTap: { zh: '地图上点选的位置', en: 'A point tapped on the map' },
  centreGeo: { zh: '你的位置', en: 'Your location' },
  centreLink: { zh: '链接中的位置', en: 'The point in the link' },
  inside: { zh: '就在这里', en: 'You are here' },
  m: { zh: '米', en: 'm' },
  km: { zh: '公里', en: 'km' },
  placesWithin: { zh: '处地点', en: 'places' },
  sentencesWithin: { zh: '条报告原文', en: "sentences in the report's words" },
  none: {
    zh: '这个范围内报告没有提到地点。试试把半径调大。',
    en: 'The report names no place within this radius. Try a larger radius.',
  },
  hiddenByFilters: { zh: '处被当前筛选条件隐藏', en: 'more hidden by the active filters' },
  more: { zh: '更多原文', en: 'More sentences' },
  andMore: { zh: '另有 {n} 条原文', en: '{n} more sentences' },
  subdistrictIn: { zh: '你在', en: 'You are in' },
  notInXicheng: { zh: '中心点不在西城区内', en: 'The centre is outside Xicheng District' },
  sdSummary: { zh: '报告提到这个街道里的', en: 'The report names, in this subdistrict,' },
  sdPlaces: { zh: '处地点,', en: 'places and' },
  sdItems: { zh: '条相关内容', en: 'sentences about them' },
  byTheme: { zh: '按主题', en: 'By theme' },
  byPhase: { zh: '按阶段', en: 'By phase' },
  topItems: { zh: '提及最多', en: 'Mentioned most' },
  errDenied: {
    zh: '没有获得定位权限。可以在浏览器设置里允许定位,也可以搜索地点或在地图上点一下。',
    en: 'Location permission was not granted. Allow it in the browser settings, or search for a place, or tap the map.',
  },
  errUnavailable: {
    zh: '这台设备或浏览器现在无法提供位置。请搜索地点或在地图上点一下。',
    en: 'This device or browser cannot provide a location right now. Search for a place or tap the map.',
  },
  errTimeout: {
    zh: '定位太久没有结果。可以再试一次,或者搜索地点、在地图上点一下。',
    en: 'Finding your location took too long. Try again, or search for a place, or tap the map.',
  },
  errOutside: {
    zh: '你的位置不在西城区附近(距西城区约 {km} 公里),这张地图只覆盖西城及周边。请搜索地点或在地图上点一下。',
    en: 'Your location is not near Xicheng (about {km} km from the district); this map covers Xicheng and its surroundings only. Search for a place or tap the map.',
  },
  kept: { zh: '原来的中心点保持不变。', en: 'The previous centre is kept.' },
  tabLabel: { zh: '身边', en: 'Near me' },
} as const;

export type ResidentString = keyof typeof RESIDENT_STRINGS;
export const rt = translator(RESIDENT_STRINGS);

/** 0 → "you are here"; under 1 km in metres (10 m steps); otherwise km with one decimal. */
export function formatDistance(m: number): string {
  if (m < 1) return rt('inside');
  if (m < 1000) return `${Math.max(10, Math.round(m / 10) * 10)} ${rt('m')}`;
  return `${(m / 1000).toFixed(1)} ${rt('km')}`;
}

export function formatRadius(m: number): string {
  return m < 1000 ? `${Math.round(m)} ${rt('m')}` : `${Number((m / 1000).toFixed(2))} ${rt('km')}`;
}
