import type { Dropped } from './url';

/**
 * Reading what a link carries without ever throwing, and saying what was ignored without letting
 * the link's author write the app's own sentences. Anyone can send a link (to a phone, to a kiosk):
 * nothing in it may stop the app, and whatever of it is shown back is capped and marked as quoted.
 */

/** A fragment (#…) as text, and whether it held percent-escapes that are not valid UTF-8. */
export interface DecodedFragment {
  value: string;
  malformed: boolean;
}

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * decodeURIComponent that never throws: `#%` or `#%E0%A4%A` (a cut-off UTF-8 sequence) keeps the
 * undecodable part literally and says so, where decodeURIComponent throws "URI malformed".
 */
export function decodeFragment(raw: string): DecodedFragment {
  const s = raw.startsWith('#') ? raw.slice(1) : raw;
  try {
    return { value: decodeURIComponent(s), malformed: false };
  } catch {
    // Runs of escapes are decoded one run at a time; a run that is not UTF-8 stays as written.
    const value = s.replace(ESCAPES, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    return { value, malformed: true };
  }
}

/** The longest piece of one foreign value shown back, in characters. */
export const VALUE_MAX = 40;
/** How many distinct ignored parts are listed; the rest are counted. */
export const ITEMS_MAX = 3;

/**
 * Control characters, bidirectional overrides and other invisible format characters: shown as
 * their code point, so a link cannot reorder or hide the text around it (U+202E flips a line).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** One foreign value made safe to show: invisible characters spelled out, length capped with an ellipsis. */
export function quoteForeign(value: string, max = VALUE_MAX): string {
  const visible = value.replace(INVISIBLE, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  const chars = [...visible];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : visible;
}

/** A message made of the app's own words and quoted foreign text, kept apart so the page can mark the quotes. */
export type MessagePart = { text: string } | { foreign: string };
export type Message = MessagePart[];

export const messageText = (m: Message): string => m.map((p) => ('text' in p ? p.text : `“${p.foreign}”`)).join('');

interface IgnoredWords {
  intro: string;
  /** "and 4 more" */
  more: (n: number) => string;
  reason: (r: string) => string;
}

const WORDS: Record<'zh' | 'en', IgnoredWords> = {
  zh: {
    intro: '链接中有无法识别的部分,已忽略:',
    more: (n) => `,另有 ${n} 处`,
    reason: (r) => REASON_ZH[r] ?? r,
  },
  en: { intro: 'Ignored parts of the link: ', more: (n) => `, and ${n} more`, reason: (r) => r },
};

const REASON_ZH: Record<string, string> = {
  'unknown parameter': '未知参数',
  'no such place': '没有这个地点',
  'no such paragraph': '没有这个段落',
  'unknown value': '未知取值',
  'malformed escape': '编码有误',
  'expected zoom/lat/lng': '应为 缩放/纬度/经度',
  'expected lat,lng': '应为 纬度,经度',
};

/**
 * The notice for the parts of a link that were ignored: repeated parts once, at most ITEMS_MAX
 * listed and the rest counted, every name and value the link supplied quoted and capped. Its
 * length is bounded whatever the link: about 3 × (2 × 40 + reason) characters.
 */
export function describeIgnored(dropped: readonly Dropped[], lang: 'zh' | 'en'): Message {
  const w = WORDS[lang];
  const seen = new Set<string>();
  const unique: Dropped[] = [];
  for (const d of dropped) {
    const key = `${d.param}\u0000${d.value}\u0000${d.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  const out: Message = [{ text: w.intro }];
  unique.slice(0, ITEMS_MAX).forEach((d, i) => {
    if (i > 0) out.push({ text: lang === 'zh' ? ';' : '; ' });
    if (d.param === '#') out.push({ text: '#' });
    else out.push({ foreign: quoteForeign(d.param, 20) }, { text: '=' });
    out.push({ foreign: quoteForeign(d.value) }, { text: lang === 'zh' ? `(${w.reason(d.reason)})` : ` (${w.reason(d.reason)})` });
  });
  if (unique.length > ITEMS_MAX) out.push({ text: w.more(unique.length - ITEMS_MAX) });
  return out;
}
