/**
 * Splits a paragraph into sentences at 。!? (full- or half-width), keeping a closing quote or
 * bracket with the sentence it ends. Returns offsets, so the text itself is never copied or
 * normalised: the app quotes sentences by slicing the paragraph.
 */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if ('。!?!?'.includes(ch)) {
      let end = i + 1;
      while (end < text.length && '”’」』)》"'.includes(text[end] as string)) end++;
      out.push({ start, end });
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  if (start < text.length && text.slice(start).trim() !== '') out.push({ start, end: text.length });
  return out;
}

export const ENDS_WITH_TERMINAL = /[。!?!?::]["”’」』)》]*$/;
