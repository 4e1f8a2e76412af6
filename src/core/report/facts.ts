import type { Fact } from './model';

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };
// Longest first, so 平方米 wins over 米 and 人次 over 人.
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '公顷',
  '公里',
  '千米',
  '延米',
  '亩',
  '米',
  '岁',
  '亿元',
  '万元',
  '元',
  '人次',
  '户',
  '家',
  '件',
  '所',
  '条',
  '处',
  '座',
  '人',
  '名',
  '张',
  '套',
  '项',
  '间',
  '栋',
  '辆',
  '吨',
  '台',
  '次',
  '场',
  '位',
  '支',
  '批',
  '类',
  '种',
  '部',
  '本',
  '册',
  '份',
  '倍',
  '个',
  '%',
  '%',
].sort((a, b) => b.length - a.length);
const UNIT_ALT = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
// A number, an optional 多/余 (lower bound), an optional multiplier, then a unit. Money units
// carry their multiplier inside them (亿元), so the multiplier group is optional.
const FACT_RE = new RegExp(`(\\d+(?:\\.\\d+)?)(多|余)?(万|亿|千)?(${UNIT_ALT})`, 'g');
// Quotes are not clause breaks: 治理“开墙打洞”2000余户 measures 治理“开墙打洞”.
const CLAUSE_BREAK = /[,,;;::、。!?!?()()]/;
const TRAILING_VERB = /(达到|达|为|是|至|到|由|完成|超过|共计|累计|共|提高到|控制在)$/;
const COORDINATION = /[和及与]$/;

function clauseBefore(text: string, at: number, floor: number): string {
  let i = at;
  while (i > floor && !CLAUSE_BREAK.test(text[i - 1] as string)) i--;
  return text.slice(i, at);
}

function clauseAfter(text: string, from: number, ceil: number): string {
  let i = from;
  while (i < ceil && !CLAUSE_BREAK.test(text[i] as string) && !/\d/.test(text[i] as string)) i++;
  return text.slice(from, i);
}

/**
 * Extracts the figures of one sentence: value, unit, and what they measure in the report's own
 * words. "What" is the clause before the figure (拆除违法建设32.4万平方米), or, when the figure
 * opens its clause or follows an enumeration's 等, the words after it (41个棚改项目, 2.7万户受益).
 * A figure in a 、-list with neither takes the previous figure's measure (25个、47.3万平方米).
 */
export function extractFacts(text: string, start: number, end: number): Fact[] {
  const facts: Fact[] = [];
  const sentence = text.slice(start, end);
  FACT_RE.lastIndex = 0;
  for (let m = FACT_RE.exec(sentence); m !== null; m = FACT_RE.exec(sentence)) {
    const whole = m[0];
    const num = m[1] as string;
    const approx = m[2];
    const mult = m[3];
    const unitRaw = m[4] as string;
    const absStart = start + m.index;
    const absEnd = absStart + whole.length;
    // A 4-digit year followed by 年 matched nothing (年 is no unit), but a number glued to an
    // earlier digit run (e.g. hotline 12341) must not be split: require a non-digit before.
    if (absStart > 0 && /[\d.]/.test(text[absStart - 1] as string)) continue;
    const value = Number(num);
    const multiplier = mult ? (MULTIPLIERS[mult] ?? 1) : 1;
    let baseUnit = unitRaw === '%' ? '%' : unitRaw;
    let scale = multiplier;
    if (unitRaw === '亿元') scale *= 1e8;
    if (unitRaw === '万元') scale *= 1e4;
    if (unitRaw === '亿元' || unitRaw === '万元') baseUnit = '元';
    const prev = facts[facts.length - 1];
    // A figure earlier in the same clause ends the words that can describe this one.
    const floor = Math.max(start, prev?.end ?? start);
    const rawBefore = clauseBefore(text, absStart, floor);
    const after = clauseAfter(text, absEnd, end)
      .trim()
      .replace(/[和及与]$/, '');
    const listed = COORDINATION.test(rawBefore) || (rawBefore === '' && text[absStart - 1] === '、');
    const before = rawBefore.replace(TRAILING_VERB, '').trim();
    let measure: string;
    if (listed) measure = after || prev?.measure || '';
    else if (before === '' || /等$/.test(before)) measure = after || (floor > start ? (prev?.measure ?? '') : '');
    else if (before.length <= 4 && after) measure = `${before}…${after}`;
    else measure = before;
    facts.push({
      value,
      unit: `${mult ?? ''}${unitRaw}`,
      baseValue: Number((value * scale).toPrecision(12)),
      baseUnit,
      measure,
      approximate: approx !== undefined,
      start: absStart,
      end: absEnd,
      text: whole,
    });
  }
  return facts;
}
