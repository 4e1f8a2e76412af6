/**
 * Deterministic synthetic reports for pipeline throughput: paragraphs of the real report recombined
 * under its conventions (一、 parts with a time frame; (一) sections, inline as in part 一 or
 * followed by 一是… items as in part 三; free paragraphs; a closing 各位代表 address). Every report is
 * checked with the real parser before it is returned, so a generator bug cannot pass as a fast run.
 */
import { stripChrome } from '../../src/core/report/chrome';
import { parseReport } from '../../src/core/report/parse';
import { prng, randInt, shuffled } from './util';

const PART_RE = /^([一二三四五六七八九十]{1,3})、(.+)$/;
const SECTION_RE = /^[((]([一二三四五六七八九十]{1,3})[))](.+)$/;
const ITEM_RE = /^([一二三四五六七八九十]{1,3})是(.*)$/;
const TERMINAL = /[。!?!?]$/;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1…99 the way headings write them (十一, 二十, 二十三). */
export function toChineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new RangeError(`cannot write ${n} as a heading number`);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

type Style = 'inline' | 'block' | 'free';
interface PartPool {
  heading: string;
  style: Style;
  free: string[];
  closing: string[];
}
interface Pools {
  head: string[];
  opening: string[];
  parts: PartPool[];
  inlineSections: string[];
  blockHeadings: string[];
  /** Paragraphs between a block heading and its first item (全力推动“四个西城”…). */
  sectionIntros: string[];
  items: string[];
  tail: string[];
}

/** Splits the real report into the pools the generator draws from. */
export function poolsOf(text: string): Pools {
  const { body } = stripChrome(text);
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const firstBody = body[0]?.line ?? 1;
  const lastBody = body[body.length - 1]?.line ?? lines.length;
  const pools: Pools = {
    head: lines.slice(0, firstBody - 1).filter((l) => l !== ''),
    opening: [],
    parts: [],
    inlineSections: [],
    blockHeadings: [],
    sectionIntros: [],
    items: [],
    tail: lines.slice(lastBody).filter((l) => l !== ''),
  };
  let part: PartPool | undefined;
  let inBlock = false;
  let afterItem = false;
  for (const { text: l } of body) {
    const pm = l.match(PART_RE);
    if (pm && !/[。!?]/.test(l) && l.length <= 40) {
      part = { heading: pm[2] as string, style: 'free', free: [], closing: [] };
      pools.parts.push(part);
      inBlock = false;
      continue;
    }
    const sm = l.match(SECTION_RE);
    if (sm && part) {
      const rest = sm[2] as string;
      const inline = /。/.test(rest.slice(0, -1));
      if (inline) {
        pools.inlineSections.push(rest);
        part.style = 'inline';
        inBlock = false;
      } else {
        pools.blockHeadings.push(rest);
        part.style = 'block';
        inBlock = true;
        afterItem = false;
      }
      continue;
    }
    const im = l.match(ITEM_RE);
    if (im && inBlock) {
      pools.items.push(im[2] as string);
      afterItem = true;
      continue;
    }
    if (!part) {
      if (!/^各位代表[::]$/.test(l)) pools.opening.push(l);
      continue;
    }
    if (/^各位代表/.test(l)) {
      if (TERMINAL.test(l)) part.closing.push(l);
      inBlock = false;
      continue;
    }
    if (inBlock && !afterItem) pools.sectionIntros.push(l);
    else if (!inBlock) part.free.push(l);
  }
  if (pools.parts.length === 0 || pools.items.length === 0 || pools.inlineSections.length === 0 || pools.blockHeadings.length === 0)
    throw new Error('the source report does not have the parts, sections and items the generator recombines');
  return pools;
}

/** One synthetic report: seeded by its index, so report #i is the same on every run. */
export function syntheticReport(pools: Pools, index: number): string {
  const rand = prng(0x5eed_2017 + index * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const take = <T>(xs: readonly T[], n: number): T[] => shuffled(rand, xs).slice(0, Math.min(n, xs.length));
  const out: string[] = [...pools.head.map((h) => (/^•?\s*移动端[::]/.test(h) ? `${h}(合成 #${index + 1})` : h)), ''];
  out.push('各位代表:', '', ...take(pools.opening, 1).flatMap((p) => [p, '']));
  // Keep the time frames in order (past, plan, this year); now and then leave the middle part out.
  const parts = pools.parts.length > 2 && rand() < 0.3 ? pools.parts.filter((_, i) => i !== 1) : pools.parts;
  for (const [pi, p] of parts.entries()) {
    const para = (t: string): void => {
      out.push(t, '');
    };
    para(`${toChineseNumber(pi + 1)}、${p.heading}`);
    // Free paragraphs of this part, without repeats: an intro, then (by style) an outro or the body.
    const free = shuffled(rand, p.free);
    const intro = free.splice(0, randInt(rand, 1, 2));
    for (const t of intro) para(t);
    if (p.style === 'inline') {
      for (const [si, s] of take(pools.inlineSections, randInt(rand, 2, 7)).entries()) para(`(${toChineseNumber(si + 1)})${s}`);
      if (free.length > 0 && rand() < 0.5) para(free[0] as string);
    } else if (p.style === 'block') {
      for (const [si, h] of take(pools.blockHeadings, randInt(rand, 2, 7)).entries()) {
        para(`(${toChineseNumber(si + 1)})${h}`);
        if (pools.sectionIntros.length > 0 && rand() < 0.4) para(pick(pools.sectionIntros));
        for (const [ii, it] of take(pools.items, randInt(rand, 1, 5)).entries()) para(`${toChineseNumber(ii + 1)}是${it}`);
      }
    } else {
      for (const t of free.slice(0, randInt(rand, 2, 6))) para(t);
    }
    const closing = p.closing.length > 0 ? p.closing : pools.parts.flatMap((q) => q.closing);
    if (closing.length > 0 && (pi === parts.length - 1 || rand() < 0.5)) para(pick(closing));
  }
  out.push(...pools.tail);
  return `${out.join('\n')}\n`;
}

/** n reports, each verified to parse; returns the texts and their paragraph counts. */
export function syntheticReports(realText: string, n: number): Array<{ name: string; text: string; paragraphs: number }> {
  const pools = poolsOf(realText);
  return Array.from({ length: n }, (_, i) => {
    const name = `synthetic-${String(i + 1).padStart(3, '0')}.txt`;
    const text = syntheticReport(pools, i);
    const report = parseReport(text, { file: name }); // throws InputError with the line if a convention is broken
    return { name, text, paragraphs: report.paragraphs.length };
  });
}
