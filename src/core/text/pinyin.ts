import { customPinyin, pinyin } from 'pinyin-pro';

// Local readings that the dictionary gets wrong: 大栅栏 is Dashilan (Dashilar), not Dazhalan.
customPinyin({ 大栅栏: 'da shi lan' });

/** Toneless pinyin syllables of a Chinese string (non-Chinese runs are kept as they are). */
export function syllables(zh: string): string[] {
  return pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .filter((s) => s.trim() !== '')
    .map((s) => s.toLowerCase());
}

/** Romanised name in the standard written form: syllables run together, an apostrophe before a
 * syllable that starts with a, o or e (Guang'anmen), first letter capitalised. */
export function romanize(zh: string): string {
  const joined = syllables(zh)
    .map((syl, i) => (i > 0 && /^[aoe]/.test(syl) ? `'${syl}` : syl))
    .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Initials for search (什刹海 → sch). */
export function initials(zh: string): string {
  return syllables(zh)
    .map((s) => s.charAt(0))
    .join('');
}
