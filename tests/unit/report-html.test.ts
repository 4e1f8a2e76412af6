import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToLines, looksLikeHtml } from '../../src/core/report/html';
import { readReport } from '../../src/core/report/parse';
import { ROOT } from './helpers';

const page = readFileSync(resolve(ROOT, 'tests/fixtures/report/saved-report-page.html'), 'utf8');
const lineOf = (needle: string) => page.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a saved report page (HTML)', () => {
  it('is recognised as HTML, and plain text is not', () => {
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml('各位代表:\n<p>不是网页</p>')).toBe(false);
  });

  it('gives one line per block with the line of the HTML file, without script, style, nav or footer', () => {
    const { lines, title, titleLine } = htmlToLines(page);
    expect(title).toBe('2021年西城区政府工作报告');
    expect(titleLine).toBe(lineOf('<h1>'));
    const text = lines.map((l) => l.text).join('\n');
    for (const gone of ['_hmt', 'text-indent', '政务服务', '网站标识码', '京ICP备']) expect(text).not.toContain(gone);
    // A paragraph written over two lines of HTML is one line of text, joined without a space.
    const p = lines.find((l) => l.text.startsWith('(一)疫情防控'));
    expect(p?.line).toBe(lineOf('(一)疫情防控'));
    expect(p?.text).toContain('建立社区防控工作站,西单商场');
    expect(lines.find((l) => l.text.startsWith('当前位置'))?.text).toBe('当前位置:首页 > 政务公开 > 政府工作报告');
  });

  it('parses like the text of the page, chrome removed and recorded, lines pointing into the HTML', () => {
    const { report, warnings } = readReport(page, { file: 'page.html' });
    expect(report.title).toBe('2021年西城区政府工作报告');
    expect(report.source.date).toBe('2021-01-20');
    expect(report.source.origin).toBe('西城区人民政府办公室');
    expect(report.parts.map((p) => [p.heading, p.phase, p.line])).toEqual([
      ['一、2020年工作回顾', 'review', lineOf('一、2020年工作回顾')],
      ['二、“十四五”时期的主要目标任务', 'plan', lineOf('十四五”时期')],
      ['三、2021年重点工作', 'tasks', lineOf('三、2021年重点工作')],
    ]);
    expect(report.paragraphs[0]?.text).toBe('各位代表:');
    expect(report.paragraphs.at(-1)?.text).toMatch(/^各位代表,让我们/);
    expect(report.source.chrome.map((c) => c.text)).toEqual(
      expect.arrayContaining(['2021年西城区政府工作报告', '【字体:大 中 小】 打印本页', '分享到:微信 微博']),
    );
    expect(warnings).toEqual([]);
  });
});
