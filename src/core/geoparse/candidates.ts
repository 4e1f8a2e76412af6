import type { Category } from '../gazetteer/model';

/**
 * Proposes place names that the gazetteers lack, from the suffixes Chinese place names end with
 * (…斜街, …胡同, …桥, …中学, …大悦城, …会馆, …寺) and a few whole-name patterns (北京四中, 地铁3号线).
 * A proposal is the run of Chinese characters before the suffix, cut at the last function word or
 * action verb (and, where a segmenter is given, at a leading verb it tags), so "缓解右安门地区"
 * proposes 右安门地区 and "推进白塔寺街区改造" proposes 白塔寺街区, not the clause. A name may start
 * with a place already linked when it goes on past it: 西单 is linked, 西单大悦城 is proposed.
 */
interface Suffix {
  text: string;
  strong: boolean;
  category: Category;
}

const S = (category: Category, strong: boolean, ...texts: string[]): Suffix[] => texts.map((text) => ({ text, strong, category }));
const SUFFIXES: Suffix[] = [
  ...S('road', true, '胡同', '斜街', '大街', '西街', '东街', '南街', '北街', '夹道', '河沿街', '桥', '巷'),
  // 西四北头条 … 八条: the numbered hutongs.
  ...S('road', true, '头条', '二条', '三条', '四条', '五条', '六条', '七条', '八条', '九条'),
  ...S('road', false, '街', '路', '里'),
  ...S('heritage', true, '故居', '会馆', '新馆', '遗址', '寺', '庙', '祠', '塔', '坛', '教堂', '天主堂', '礼拜堂', '王府', '箭楼', '城楼'),
  ...S('heritage', true, '府邸'),
  // Not 府 alone: 政府 ends in it far more often than any 王府 does.
  ...S('heritage', false, '观', '门', '坊', '宫', '堂'),
  ...S('park', true, '公园', '遗址公园', '花园', '动物园', '植物园'),
  ...S('water', true, '护城河'),
  ...S('water', false, '河', '湖', '海', '池'),
  ...S('greenway', true, '绿道'),
  ...S('wholesale-market', true, '市场'),
  ...S(
    'cultural-venue',
    true,
    '剧院',
    '影院',
    '剧场',
    '音乐厅',
    '博物馆',
    '图书馆',
    '科技馆',
    '纪念馆',
    '美术馆',
    '文化馆',
    '艺术馆',
    '天文馆',
    '展览馆',
  ),
  ...S('sports', true, '体育馆', '体育场', '体育中心'),
  ...S('cultural-venue', false, '馆', '楼'),
  ...S('hospital', true, '医院'),
  ...S('school', true, '小学', '中学', '大学', '学院', '学校', '分校', '校区', '附中'),
  ...S('commercial', true, '商厦', '商场', '大悦城', '购物中心', '百货', '大厦', '商务区', '广场'),
  ...S('commercial', false, '园', '厂', '中心'),
  ...S('area', false, '地区', '街区', '片区', '片'),
].sort((a, b) => b.text.length - a.text.length);

/** The suffix a name ends with (斜街 of 杨梅竹斜街, the longest that fits), or undefined (北京四中). */
export function suffixOf(name: string): string | undefined {
  return SUFFIXES.find((x) => name.length > x.text.length && name.endsWith(x.text))?.text;
}

/** Suffixes that can follow a name and still leave it a name of its own (护国寺 in 护国寺地区). */
const AREA_AFTER = /^(地区|街区|片区|周边|沿线|一带)/;

const STOP =
  /.*(的|和|及|与|在|对|将|把|等|了|为|以|向|从|到|是|由|至|于|推进|完成|启动|建设|实施|推动|打造|加快|开展|做好|改造|新建|建成|提升|整治|疏解|腾退|修缮|加强|围绕|依托|支持|促进|落实|保护|利用|实现|形成|开放|拆除|加大|深化|持续|积极|全面|重点|各类|一批|多个|区域|全区|我区|本区|进一步|规范|缓解|改善|优化|贯通|配合|发挥|位于|推出|引进|完善|举办|新增|试点|巩固|统筹|串联|恢复|连接|扩大|增设|投入|共建|合作|打通|沿线|周边|包括|其中|地处|紧邻|毗邻|邻近|附近|所在|[两三四五六七八九十]大|产业|国家级|市级|区级|力争|争取|确保|计划|预计|拟)/;

// Words that end in a suffix but name no place.
const GENERIC = new Set([
  ...['道路', '街道', '街区', '片区', '地区', '城区', '小区', '社区', '园区', '校园', '家园', '公园城区', '中心城区', '服务中心'],
  ...['生活服务中心', '中小学', '幼儿园', '市场主体', '大街小巷', '背街小巷', '街巷', '门前', '部门', '专门', '热门', '出路'],
  ...['思路', '线路', '网路', '新路', '之路', '这里', '邻里', '公里', '千里', '万里', '楼宇', '广场舞', '工厂', '市场化'],
  ...['市场监管', '资本市场', '要素市场', '商品市场', '批发市场', '过街天桥', '立交桥', '人行天桥', '天桥', '桥梁', '景观'],
  ...['参观', '宏观', '微观', '客观', '主观', '乐观', '外观', '直观', '壮观', '改观', '美观', '价值观', '世界观', '文化馆'],
  ...['图书馆', '博物馆', '体育馆', '医院', '中学', '小学', '大学', '学校', '商场', '大厦', '广场', '公园', '寺庙', '宗教场所'],
]);

/** Heads that make a generic kind of place, not a name (名人故居, 小微湿地公园, 区属医院). */
const GENERIC_HEAD =
  /^(条|个|处|所|座|家|性|加|属地|民办|名人|历史|小微|湿地|区属|市属|社区|小商品|文化主题|主题|专题|口袋|城市|休闲|特色|综合|街区|各|新|老|全部|升级|规范|强化|旅游|群众|百姓|养老照料|三级|大型|优质|普惠|公立|民营|示范|重点|一批|多|若干|这|该|其)/;

/** Ends that make the whole a kind of place (五好街巷, 老旧小区), whatever comes before. */
const GENERIC_END = /(街巷|小巷|小区|社区|园区|校园|服务中心|服务站|服务驿站)$/;

/** Linked names that a proposal never runs through: 白纸坊街道建功北里 is two names, 建功北里 the new one. */
const NOT_EXTENDED = /(街道|社区)$/;

/** Whole names with no suffix of the list: 北京四中, 地铁3号线 (stations are in the district gazetteer). */
const PATTERNS: ReadonlyArray<[RegExp, Category]> = [
  [/北京市?第?[一二三四五六七八九十]{1,3}中(?![学心])/g, 'school'],
  [/(?:地铁|轨道交通)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})号线/g, 'transport'],
];

export interface Candidate {
  name: string;
  paragraphId: string;
  start: number;
  end: number;
  strong: boolean;
  /** The category a curator would most likely give it, from its suffix. */
  category: Category;
  /** The sentence it occurs in (filled by the geoparser). */
  sentence?: string;
}

export interface CandidateOptions {
  /**
   * A segmenter's view of a proposed name (the suffix is its last `suffixLength` characters): how many
   * leading characters are not part of it (a verb: 缓解/v 右安门地区), or null when the head is no name
   * at all (a verb or idiom inside it: 足不出户/i 逛/v 商场). Without it only the word lists apply.
   */
  judgeHead?: (name: string, suffixLength: number) => number | null;
}

/** Spans of titles of works (《…》), which name books and plays, not places. */
function titleSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
    const end = text.indexOf('》', i);
    if (end < 0) break;
    out.push({ start: i, end: end + 1 });
  }
  return out;
}

const LOOKBACK = 12;
const MAX_NAME = 16;

/** A span already linked; `name` is the canonical name of what it links to. */
export interface Covered {
  start: number;
  end: number;
  name?: string | undefined;
}

export function proposeCandidates(
  text: string,
  paragraphId: string,
  covered: ReadonlyArray<Covered>,
  opts: CandidateOptions = {},
): Candidate[] {
  const out: Candidate[] = [];
  const titles = titleSpans(text);
  /** A span is free when nothing linked overlaps it, or what is linked lies wholly inside it and is
   * not all of it: 西单 is linked, 西单大悦城 goes on past it; 动物园 (the station) is linked, 北京动物园
   * (the zoo) starts before it. */
  const free = (s: number, e: number) =>
    !titles.some((c) => s < c.end && e > c.start) &&
    covered.every((c) => !(s < c.end && e > c.start) || (c.start >= s && c.end <= e && (c.start > s || c.end < e)));
  const push = (s: number, e: number, strong: boolean, category: Category) => {
    const name = text.slice(s, e);
    if (!out.some((c) => c.start === s && c.end === e)) out.push({ name, paragraphId, start: s, end: e, strong, category });
  };

  for (let i = 0; i < text.length; i++) {
    const suffix = SUFFIXES.find((x) => text.startsWith(x.text, i));
    if (!suffix) continue;
    const end = i + suffix.text.length;
    let start = i;
    while (start > 0 && start > i - LOOKBACK && /[\u4e00-\u9fff\d]/.test(text[start - 1] as string)) start--;
    // A linked name that the run starts inside is not cut through, nor run through when it is a
    // 街道 or 社区: the run starts after it.
    for (const c of covered)
      if ((c.start < start && c.end > start) || (c.start >= start && c.end <= i && NOT_EXTENDED.test(text.slice(c.start, c.end))))
        start = Math.max(start, c.end);
    const run = text.slice(start, i);
    const cut = run.match(STOP);
    let head = cut ? run.slice(cut[0].length) : run;
    const minHead = suffix.text.length === 1 ? 2 : 1;
    const drop = head.length >= minHead && opts.judgeHead ? opts.judgeHead(head + suffix.text, suffix.text.length) : 0;
    if (drop === null || drop >= head.length) continue; // 建立/v 学校: nothing of a name is left
    if (drop > 0 && head.length - drop >= minHead) head = head.slice(drop);
    const s = i - head.length;
    const name = text.slice(s, end);
    if (head.length < minHead || name.length > MAX_NAME || /^\d/.test(head)) continue;
    if (GENERIC.has(name) || GENERIC.has(head) || GENERIC_END.test(name) || !free(s, end)) continue;
    // A fuller form of a linked name that ends as the linked place's own name does is that place
    // (官园 → 官园市场 is 官园商品批发市场), not a new one; 西单 → 西单商场 is a new one.
    if (covered.some((c) => c.start === s && c.name?.endsWith(suffix.text))) continue;
    const next = text.slice(end);
    // A longer name continues (正阳桥 → 正阳桥遗址), unless what follows only says "the area of it".
    if (next && SUFFIXES.some((x) => next.startsWith(x.text)) && !AREA_AFTER.test(next)) continue;
    // 白塔寺街区 is as strong as 白塔寺: a strong suffix anywhere after the first character counts;
    // so is a weak one after a name already linked (金融街 → 金融街中心, 菜市口 → 菜市口西片).
    const extendsLinked = covered.some((c) => c.start >= s && c.end <= i);
    const strong =
      (suffix.strong || extendsLinked || SUFFIXES.some((x) => x.strong && name.indexOf(x.text, 1) > 0)) && !GENERIC_HEAD.test(head);
    push(s, end, strong, suffix.category);
  }

  for (const [re, category] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let s = m.index;
      let name = m[0];
      const cut = name.match(STOP);
      if (cut && category === 'transport') {
        s += cut[0].length;
        name = name.slice(cut[0].length);
      }
      if (name.length < 3 || GENERIC.has(name) || !free(s, s + name.length)) continue;
      push(s, s + name.length, true, category);
    }
  }
  // A school named at the start of a longer institution is part of its name (北京大学第一医院,
  // 北京市第八中学京西校区), not a second place; a park before its gate (陶然亭公园南门) stays.
  const kept = out.filter((a) => !(a.category === 'school' && out.some((b) => b.start === a.start && b.end > a.end && b.strong)));
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
