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

/** What sentenceAt reads of a paragraph (the report's paragraphs, or an export's copy of them). */
export interface ParagraphLike {
  id: string;
  text: string;
  sentences: readonly { start: number; end: number }[];
}
/** Paragraphs to look one up in by id: the report itself, or a map built once by the caller. */
export type Paragraphs = { readonly paragraphs: readonly ParagraphLike[] } | ReadonlyMap<string, ParagraphLike>;

/** The sentence of a paragraph that contains an offset (a mention's start), or undefined when there is none. */
export function sentenceAt(
  source: Paragraphs,
  paragraphId: string,
  offset: number,
): { start: number; end: number; text: string } | undefined {
  const p = 'paragraphs' in source ? source.paragraphs.find((x) => x.id === paragraphId) : source.get(paragraphId);
  const s = p?.sentences.find((x) => offset >= x.start && offset < x.end);
  return p && s ? { start: s.start, end: s.end, text: p.text.slice(s.start, s.end) } : undefined;
}
