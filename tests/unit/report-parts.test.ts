import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/report/parse';
import { ROOT } from './helpers';

/** A report in 第X部分 keeps its parts, and the sections (一、…) under each of them, with their themes. */
describe('a five-year report in 第X部分', () => {
  const text = readFileSync(resolve(ROOT, 'tests/fixtures/report/xicheng-five-year-parts-report.txt'), 'utf8');
  for (const [name, t] of [
    ['as saved (LF)', text],
    ['with CRLF line ends', text.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`reads its parts and the sections under each (${name})`, () => {
      const r = parseReport(t, { file: 'five-year.txt' });
      expect(r.parts.map((p) => [p.number, p.phase])).toEqual([
        [1, 'review'],
        [2, 'plan'],
        [3, 'unknown'],
      ]);
      expect(r.sections.map((s) => [s.part, s.number, s.heading.replace(/^[一二三]、/, ''), s.theme])).toEqual([
        [1, 1, '核心区功能实现重塑', 'decongestion'],
        [1, 2, '名城保护迈出坚实步伐', 'culture'],
        [1, 3, '城市面貌显著改善', 'environment'],
        [2, 1, '建设更高水平的国家金融管理中心', 'economy'],
        [2, 2, '推进老城整体保护与复兴', 'culture'],
        [2, 3, '持续提升宜居品质', 'environment'],
      ]);
      // Every paragraph of a section says so, and takes the section's theme.
      const financial = r.paragraphs.filter((p) => p.part === 2 && p.section === 1);
      expect(financial.length).toBeGreaterThan(0);
      for (const p of financial) expect([p.phase, p.theme]).toEqual(['plan', 'economy']);
    });
  }
});
