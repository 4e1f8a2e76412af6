const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一…九十九 as written in headings (十一, 二十, 二十三). */
export function chineseNumber(s: string): number | undefined {
  if (s.length === 1) return CN_DIGITS[s];
  const m = s.match(/^([二三四五六七八九])?十([一二三四五六七八九])?$/);
  if (!m) return undefined;
  return (m[1] ? (CN_DIGITS[m[1]] as number) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] as number) : 0);
}

/**
 * The numbered heading styles of the genre, outermost first: 第一部分, 一、, (一). A report uses two
 * or three of them; which one is a part and which a section depends on which the text uses.
 */
export type Level = 'bu' | 'dun' | 'paren';

export interface NumberedHeading {
  level: Level;
  number: number;
  /** The printed numeral (一, 十二), for messages. */
  numeral: string;
  /** The heading text after the number, possibly followed by the section's own text (inline). */
  rest: string;
}

const N = '[一二三四五六七八九十]{1,3}';
const BU_RE = new RegExp(`^第(${N})部分\\s*[::、,,]?\\s*(.*)$`);
const DUN_RE = new RegExp(`^(${N})、\\s*(.+)$`);
const PAREN_RE = new RegExp(`^[((](${N})[))]\\s*(.+)$`);

export function numberedHeading(text: string): NumberedHeading | undefined {
  for (const [level, re] of [
    ['bu', BU_RE],
    ['dun', DUN_RE],
    ['paren', PAREN_RE],
  ] as const) {
    const m = text.match(re);
    if (!m) continue;
    const n = chineseNumber(m[1] as string);
    if (n === undefined) continue;
    return { level, number: n, numeral: m[1] as string, rest: (m[2] as string).trim() };
  }
  return undefined;
}

/** A heading on a line of its own: short and without a full stop (一、过去五年工作回顾). */
export function isStandalone(text: string): boolean {
  return !/[。!?!?]/.test(text) && text.length <= 40;
}

export interface LevelPlan {
  part?: Level;
  section?: Level;
  /** A third level under sections (第一部分 › 一、 › (一)): kept as a heading of the paragraphs below it. */
  sub?: Level;
}

/**
 * Which heading style is a part and which a section. 第X部分 is always a part when present; then
 * 一、 is a section and (一) a sub-heading. Otherwise a standalone 一、 heading is a part and (一) a
 * section (the 2017 convention); a text with only (一) headings has sections and no parts.
 */
export function planLevels(lines: readonly string[]): LevelPlan {
  const seen = new Set<Level>();
  for (const t of lines) {
    const h = numberedHeading(t);
    if (!h) continue;
    if (h.level === 'dun' && !isStandalone(t)) continue;
    seen.add(h.level);
  }
  if (seen.has('bu')) {
    if (seen.has('dun')) return seen.has('paren') ? { part: 'bu', section: 'dun', sub: 'paren' } : { part: 'bu', section: 'dun' };
    return seen.has('paren') ? { part: 'bu', section: 'paren' } : { part: 'bu' };
  }
  if (seen.has('dun')) return seen.has('paren') ? { part: 'dun', section: 'paren' } : { part: 'dun' };
  return seen.has('paren') ? { section: 'paren' } : {};
}

const ITEM_RES: ReadonlyArray<[RegExp, 'cn' | 'arabic']> = [
  [new RegExp(`^(${N})是`), 'cn'],
  [/^(\d{1,2})[.、．](?!\d)/, 'arabic'],
  [/^[((](\d{1,2})[))]/, 'arabic'],
];

/** An item paragraph (一是…, 1.…, (1)…) and its number. */
export function itemNumber(text: string): { number: number; label: string } | undefined {
  for (const [re, kind] of ITEM_RES) {
    const m = text.match(re);
    if (!m) continue;
    const n = kind === 'cn' ? chineseNumber(m[1] as string) : Number(m[1]);
    if (n !== undefined && n > 0) return { number: n, label: m[0] };
  }
  return undefined;
}

/**
 * An unnumbered line that reads as a heading rather than a paragraph: short, no sentence or clause
 * punctuation (今年重点工作, 聚焦民生实事). It heads the paragraphs that follow it.
 */
export function isUnnumberedHeading(text: string): boolean {
  return text.length <= 30 && !/[。!?!?::;;,,、]/.test(text) && /[\u4e00-\u9fff]/.test(text);
}
