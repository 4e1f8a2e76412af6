import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeReportBytes } from '../../src/core/report/decode';
import { ReportSchema } from '../../src/core/report/model';
import { parseReport } from '../../src/core/report/parse';
import { sentenceAt } from '../../src/core/report/sentences';
import { REPORT_FIXTURE } from './helpers';

const raw = readFileSync(REPORT_FIXTURE);
const text = decodeReportBytes(raw, 'report.txt');
const report = parseReport(text, { file: 'report.txt' });
const para = (id: string) => {
  const p = report.paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};
const sentenceWith = (id: string, needle: string) => {
  const p = para(id);
  const s = p.sentences.find((x) => p.text.slice(x.start, x.end).includes(needle));
  if (!s) throw new Error(`no sentence with ${needle}`);
  return { text: p.text.slice(s.start, s.end), facts: s.facts };
};

describe('report structure (the real 2017 report)', () => {
  it('has the counts a reader can verify by eye', () => {
    expect(report.parts.map((p) => p.heading)).toEqual([
      '一、过去五年工作回顾',
      '二、未来五年政府工作的总体把握',
      '三、2017年重点工作安排',
    ]);
    expect(report.sections.filter((s) => s.part === 1)).toHaveLength(6);
    expect(report.sections.filter((s) => s.part === 3)).toHaveLength(7);
    expect(report.paragraphs).toHaveLength(69);
    expect(report.paragraphs.reduce((n, p) => n + p.sentences.length, 0)).toBe(399);
    expect(report.paragraphs.filter((p) => p.item !== undefined)).toHaveLength(27); // 5+4+4+3+4+4+3 items in part 三
  });

  it('strips the page chrome and nothing else', () => {
    const chrome = report.source.chrome.map((c) => c.line);
    expect(chrome).toEqual([1, 2, 4, 5, 6, 7, 168, 169, 170, 171]);
    expect(report.title).toBe('区人民政府区长政府工作报告');
    expect(report.source.date).toBe('2018-09-15');
    // Every other non-blank line of the file is a paragraph or a heading, characters unchanged.
    const lines = text.split('\n');
    const kept = lines.map((l, i) => ({ line: i + 1, t: l.trim() })).filter((l) => l.t !== '' && !chrome.includes(l.line));
    const headingLines = new Set([...report.parts.map((p) => p.line), ...report.sections.filter((s) => !s.inline).map((s) => s.line)]);
    for (const l of kept) {
      if (headingLines.has(l.line)) continue;
      expect(report.paragraphs.find((p) => p.line === l.line)?.text).toBe(l.t);
    }
    expect(report.paragraphs[0]?.text).toBe('各位代表:');
    expect(report.paragraphs.at(-1)?.text.endsWith('走在前列而努力奋斗!')).toBe(true);
  });

  it('gives stable ids, heading paths, phases and themes', () => {
    const p = para('p3-2-4');
    expect(p.text.startsWith('三是增加绿色生态空间。')).toBe(true);
    expect(p.headingPath).toEqual(['三、2017年重点工作安排', '(二)大力改善区域环境,全面提升城市治理水平', '三是增加绿色生态空间']);
    expect(p.item).toBe(3);
    expect(p.phase).toBe('tasks');
    expect(p.theme).toBe('environment');
    expect(para('p1-1-1').phase).toBe('review');
    expect(para('p1-1-1').theme).toBe('decongestion');
    expect(para('p1-1-1').text.startsWith('(一)积极落实首都城市战略定位')).toBe(true);
    expect(para('p2-0-12').headingPath).toEqual(['二、未来五年政府工作的总体把握', '实施文化魅力提升工程']);
    expect(para('p2-0-12').phase).toBe('plan');
    expect(para('p2-0-12').theme).toBe('culture');
    expect(para('p0-0-2').phase).toBe('preamble');
    expect(para('p3-1-2').text.startsWith('一是持续推动重点项目疏解。完成“动批”全部市场疏解任务')).toBe(true);
    // The closing address is not part of section (七).
    expect(report.paragraphs.at(-1)?.id).toBe('p3-0-4');
  });

  it('extracts every figure of the green-space sentence with its measure', () => {
    const s = sentenceWith('p3-2-4', '新增城市绿地3公顷');
    expect(s.text).toBe('新增城市绿地3公顷,实现公园绿地500米服务半径达到92.7%。');
    expect(s.facts.map((f) => [f.text, f.value, f.unit, f.baseValue, f.baseUnit, f.measure])).toEqual([
      ['3公顷', 3, '公顷', 3, '公顷', '新增城市绿地'],
      ['500米', 500, '米', 500, '米', '实现公园绿地'],
      ['92.7%', 92.7, '%', 92.7, '%', '服务半径'],
    ]);
  });

  it('extracts every figure of the shantytown sentence, including 万 scaling', () => {
    const s = sentenceWith('p1-5-1', '41个棚改项目');
    expect(s.facts.map((f) => [f.text, f.baseValue, f.baseUnit, f.measure])).toEqual([
      ['41个', 41, '个', '棚改项目'],
      ['2.7万户', 27000, '户', '居民受益'],
    ]);
    const demolition = sentenceWith('p1-2-1', '拆除违法建设');
    expect(demolition.facts.slice(0, 3).map((f) => [f.text, f.baseValue, f.measure, f.approximate])).toEqual([
      ['32.4万平方米', 324000, '累计拆除违法建设', false],
      ['2000余户', 2000, '治理“开墙打洞”', true],
      ['44.8公里', 44.8, '架空线入地改造', false],
    ]);
  });

  it('never counts a year as a quantity', () => {
    const all = report.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.facts));
    expect(all.some((f) => /^20\d\d/.test(f.text) && f.unit === '年')).toBe(false);
    expect(all.find((f) => f.text === '8.2%')?.measure).toBe('年均增长');
  });

  it('round-trips through its schema', () => {
    expect(ReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});

describe('sentenceAt', () => {
  it('finds the sentence holding an offset, in the report or in a map of its paragraphs', () => {
    const p = para('p3-2-4');
    const [first, second] = p.sentences;
    if (!first || !second) throw new Error('p3-2-4 has fewer than two sentences');
    const byId = new Map(report.paragraphs.map((x) => [x.id, x]));
    for (const source of [report, byId]) {
      expect(sentenceAt(source, p.id, first.start)?.text).toBe(p.text.slice(first.start, first.end));
      expect(sentenceAt(source, p.id, first.end - 1)?.start).toBe(first.start);
      // A sentence's end is the next one's start.
      expect(sentenceAt(source, p.id, first.end)).toEqual({
        start: second.start,
        end: second.end,
        text: p.text.slice(second.start, second.end),
      });
      expect(sentenceAt(source, p.id, p.text.length + 5)).toBeUndefined();
      expect(sentenceAt(source, 'p-none', 0)).toBeUndefined();
    }
  });
});
