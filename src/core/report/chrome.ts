/** A line of the source file: 1-based number and its text without surrounding whitespace. */
export interface SourceLine {
  line: number;
  text: string;
}

export interface Stripped {
  body: SourceLine[];
  chrome: SourceLine[];
  title?: string;
  origin?: string;
  date?: string;
}

// The copied web page wraps the report in a breadcrumb, a metadata list and a footer; these are
// the conventions of that page template. Only the head and the tail are searched, so a report
// sentence that happens to mention 来源 is never removed.
const HEAD_CHROME = /^(•|当前位置[::]|来源[::]|时间[::]|移动端[::])/;
const TAIL_CHROME = [/^•?\s*(上一篇|下一篇)[::]/, /^链接地址[::]/, /^转载请保留/, /由[::].{0,40}整理\s*$/, /^•/];

export function stripChrome(text: string): Stripped {
  const lines: SourceLine[] = text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t.trim() }));
  const chrome: SourceLine[] = [];
  let first = 0;
  while (first < lines.length) {
    const l = lines[first];
    if (l === undefined) break;
    if (l.text !== '' && !HEAD_CHROME.test(l.text)) break;
    if (l.text !== '') chrome.push(l);
    first++;
  }
  let last = lines.length - 1;
  const tail: SourceLine[] = [];
  while (last >= first) {
    const l = lines[last];
    if (l === undefined) break;
    if (l.text !== '' && !TAIL_CHROME.some((re) => re.test(l.text))) break;
    if (l.text !== '') tail.unshift(l);
    last--;
  }
  chrome.push(...tail);
  const body = lines.slice(first, last + 1).filter((l) => l.text !== '');

  const meta = (key: string) => {
    for (const c of chrome) {
      const m = c.text.replace(/^•\s*/, '').match(new RegExp(`^${key}[::]\\s*(.+)$`));
      if (m?.[1]) return m[1].trim();
    }
    return undefined;
  };
  // The page title is the bullet line that is neither a breadcrumb nor a metadata line.
  const titleLine = chrome.find((c) => /^•/.test(c.text) && !/[::]/.test(c.text));
  const title = meta('移动端') ?? titleLine?.text.replace(/^•\s*/, '');
  const result: Stripped = { body, chrome };
  if (title) result.title = title;
  const origin = meta('来源');
  if (origin) result.origin = origin;
  const date = meta('时间');
  if (date) result.date = date;
  return result;
}
