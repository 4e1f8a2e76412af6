/**
 * Proposes place names that the gazetteer lacks, from the suffixes Chinese place names end with.
 * A proposal is the run of Chinese characters before the suffix, cut at the last function word
 * or action verb, so "推进白塔寺街区改造" proposes 白塔寺 and 白塔寺街区 rather than the clause.
 */
const STRONG = ['故居', '会馆', '公园', '胡同', '绿道', '市场', '大街', '剧院', '影院', '医院', '小学', '中学', '寺', '庙', '祠', '塔'];
const WEAK = ['街', '路', '里', '门', '桥', '坊', '楼', '馆', '园', '厂', '广场', '中心', '地区', '街区', '片区'];
const SUFFIXES = [...STRONG, ...WEAK].sort((a, b) => b.length - a.length);
const STOP =
  /.*(的|和|及|与|在|对|将|把|等|了|为|以|向|从|到|是|推进|完成|启动|建设|实施|推动|打造|加快|开展|做好|改造|新建|建成|提升|整治|疏解|腾退|修缮|加强|围绕|依托|支持|促进|落实|保护|利用|实现|形成|开放|拆除|加大|深化|持续|积极|全面|重点|各类|一批|多个|区域|全区|我区|本区|进一步|规范)/;
// Words that end in a suffix but name no place.
const GENERIC = new Set([
  '道路',
  '街道',
  '街区',
  '片区',
  '地区',
  '城区',
  '小区',
  '社区',
  '园区',
  '校园',
  '家园',
  '公园城区',
  '中心城区',
  '服务中心',
  '生活服务中心',
  '中小学',
  '幼儿园',
  '市场主体',
  '大街小巷',
  '门前',
  '部门',
  '专门',
  '热门',
  '出路',
  '思路',
  '线路',
  '网路',
  '新路',
  '之路',
  '这里',
  '邻里',
  '公里',
  '千里',
  '万里',
  '楼宇',
  '广场舞',
  '工厂',
  '市场化',
  '市场监管',
  '资本市场',
  '要素市场',
  '商品市场',
  '批发市场',
]);

export interface Candidate {
  name: string;
  paragraphId: string;
  start: number;
  end: number;
  strong: boolean;
}

/** Heads that make a generic kind of place, not a name (名人故居, 小微湿地公园, 区属医院). */
const GENERIC_HEAD =
  /^(条|个|处|性|加|名人|历史|小微|湿地|区属|社区|小商品|文化主题|主题|专题|口袋|城市|休闲|特色|综合|街区|各|新|老|全部|升级|规范|强化|旅游|群众|百姓|养老照料|三级)/;

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

export function proposeCandidates(text: string, paragraphId: string, covered: Array<{ start: number; end: number }>): Candidate[] {
  const out: Candidate[] = [];
  const blocked = [...covered, ...titleSpans(text)];
  const overlaps = (s: number, e: number) => blocked.some((c) => s < c.end && e > c.start);
  for (let i = 0; i < text.length; i++) {
    const suffix = SUFFIXES.find((s) => text.startsWith(s, i));
    if (!suffix) continue;
    const end = i + suffix.length;
    let start = i;
    while (start > 0 && start > i - 8 && /[\u4e00-\u9fff]/.test(text[start - 1] as string)) start--;
    const run = text.slice(start, i);
    const cut = run.match(STOP);
    const head = cut ? run.slice(cut[0].length) : run;
    const s = i - head.length;
    const name = text.slice(s, end);
    if (head.length < (suffix.length === 1 ? 2 : 1) || name.length > 10) continue;
    if (GENERIC.has(name) || GENERIC.has(head) || overlaps(s, end)) continue;
    if (text[end] && SUFFIXES.some((x) => text.startsWith(x, end))) continue; // a longer name continues
    // 白塔寺街区 is as strong as 白塔寺: a strong suffix anywhere after the first character counts.
    const strong = STRONG.some((x) => name.indexOf(x, 1) > 0) && !GENERIC_HEAD.test(head);
    out.push({ name, paragraphId, start: s, end, strong });
  }
  return out;
}
