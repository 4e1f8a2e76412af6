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

// A copied web page wraps the report in a breadcrumb, a metadata list and a footer. These are the
// conventions of the page templates seen (a 范文 site, and government portals: 首页 > 政务公开,
// 发布时间, 【字体:大 中 小】, 打印本页, 主办单位, 网站标识码, ICP). Only the head and the tail are
// searched, so a report sentence that happens to mention 来源 is never removed.
const HEAD_CHROME =
  /^(•|当前位置[::]|您的位置[::]|您现在的位置[::]|来源[::]|信息来源[::]|时间[::]|发布时间[::]|发布日期[::]|浏览次数[::]|移动端[::]|首页\s*[>＞»]|【?\s*字[体号][::]|打印本?页|关闭窗口)/;
const TAIL_CHROME = [
  /^•?\s*(上一篇|下一篇)[::]/,
  /^链接地址[::]/,
  /^转载请保留/,
  /由[::].{0,40}整理\s*$/,
  /^•/,
  /^【?\s*(打印本?页|关闭窗口|分享到|收藏)/,
  /^(主办单位|主办|承办|版权所有|网站标识码|京ICP|京公网安备|联系我们|网站地图)/,
];

export function toLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t.trim() }));
}

/** Strips the page chrome from the text of a copied page. */
export function stripChrome(text: string): Stripped {
  return stripChromeLines(toLines(text));
}

export function stripChromeLines(lines: readonly SourceLine[]): Stripped {
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
      // A portal puts several fields on one line (发布时间:2019-01-20  来源:区政府办): stop at the next.
      const m = c.text.replace(/^•\s*/, '').match(new RegExp(`(?:^|\\s)(?:${key})[::]\\s*(.+?)(?=\\s+[\u4e00-\u9fff]{2,6}[::]|$)`));
      if (m?.[1]) return m[1].trim();
    }
    return undefined;
  };
  // The page title is the bullet line that is neither a breadcrumb nor a metadata line.
  const titleLine = chrome.find((c) => /^•/.test(c.text) && !/[::]/.test(c.text));
  const title = meta('移动端') ?? titleLine?.text.replace(/^•\s*/, '');
  const result: Stripped = { body, chrome };
  if (title) result.title = title;
  const origin = meta('来源|信息来源');
  if (origin) result.origin = origin;
  const date = meta('时间|发布时间|发布日期');
  if (date) result.date = date;
  return result;
}
