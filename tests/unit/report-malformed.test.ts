import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors';
import { decodeReportBytes } from '../../src/core/report/decode';
import { parseReport, readReport } from '../../src/core/report/parse';
import { errorOf, REPORT_FIXTURE } from './helpers';

const text = readFileSync(REPORT_FIXTURE, 'utf8');
const lines = text.split('\n');
const parse = (t: string) => parseReport(t, { file: 'bad.txt' });

function expectInputError(fn: () => unknown, line: number | undefined, message: RegExp) {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  const e = err as InputError;
  expect(e.file).toBe('bad.txt');
  if (line !== undefined) expect(e.line).toBe(line);
  expect(e.message).toMatch(message);
  expect(e.message).toContain(`bad.txt`);
}

/** The warnings of a parse that succeeds, as "line: message". */
const warningsOf = (t: string) => readReport(t, { file: 'bad.txt' }).warnings.map((w) => `${w.line}: ${w.message}`);

describe('structure that is not recognised is a warning naming its line, not a refusal', () => {
  it('a file cut off mid-paragraph', () => {
    const cut = text.slice(0, text.indexOf('打造西城区政务服务品牌') + 4);
    expect(warningsOf(cut)).toEqual([expect.stringMatching(/^163: the last paragraph ends mid-sentence.*truncated/)]);
  });

  it('a file cut off after a section heading', () => {
    const cut = lines.slice(0, 155).join('\n');
    expect(warningsOf(cut)).toContainEqual(expect.stringMatching(/^155: section .* has no paragraphs.*truncated/));
  });

  it('a missing part heading (二 removed, so 三 follows 一)', () => {
    const t = lines.filter((_, i) => i !== 38).join('\n');
    expect(warningsOf(t)).toEqual(['74: part heading "三、2017年重点工作安排" is number 3, expected 2: a part is missing or out of order']);
    // The part keeps its printed number, so paragraph ids stay those of the full report.
    expect(parse(t).paragraphs.some((p) => p.id === 'p3-2-4')).toBe(true);
  });

  it('no part headings at all: sections outside any part, then plain paragraphs', () => {
    const t = lines.filter((l) => !/^\s*[一二三]、/.test(l)).join('\n');
    const r = readReport(t, { file: 'bad.txt' });
    expect(r.report.parts).toEqual([]);
    expect(r.report.paragraphs.every((p) => p.phase === 'unknown')).toBe(true);
    expect(r.warnings[0]?.message).toMatch(/no part headings.*plain paragraphs/);
    const plain = parse('各位代表:\n\n今年的工作很好。\n');
    expect(plain.paragraphs.map((p) => [p.id, p.phase])).toEqual([
      ['p0-0-1', 'unknown'],
      ['p0-0-2', 'unknown'],
    ]);
  });

  it('a skipped section number', () => {
    const t = lines.join('\n').replace('(二)大力改善区域环境', '(三)大力改善区域环境');
    // The real (三) that follows is then a second (三): one more warning, none for the sections after it.
    expect(warningsOf(t)).toEqual([
      '97: section (三) is number 3, expected 2: a section is missing or out of order',
      '109: section (三) is number 3, expected 4: a section is missing or out of order',
    ]);
  });

  it('a missing section heading between items', () => {
    const t = lines.filter((_, i) => i !== 96).join('\n');
    expect(warningsOf(t)).toEqual([
      '100: item "一是" is number 1, expected 6: a numbered heading before it may be missing',
      '108: section (三) is number 3, expected 2: a section is missing or out of order',
    ]);
  });

  it('a skipped item number', () => {
    const t = lines.filter((_, i) => i !== 88).join('\n');
    expect(warningsOf(t)).toEqual(['90: item "三是" is number 3, expected 2: an item is missing or out of order']);
  });

  it('an unknown part heading is blamed on its own line, and its part is read', () => {
    const t = lines.join('\n').replace('二、未来五年政府工作的总体把握', '二、关于政府工作的几点考虑');
    expect(warningsOf(t)).toEqual([expect.stringMatching(/^39: part heading "二、关于政府工作的几点考虑" names no time frame/)]);
    expect(
      parse(t)
        .paragraphs.filter((p) => p.part === 2)
        .every((p) => p.phase === 'unknown'),
    ).toBe(true);
  });

  it('a section heading never seen before is classified by keyword, else "other" with a warning', () => {
    const t = lines.join('\n').replace('(二)大力改善区域环境,全面提升城市治理水平', '(二)聚焦接诉即办,提升基层服务水平');
    expect(warningsOf(t)).toEqual([]);
    expect(parse(t).sections.find((s) => s.id === 'p3-2')?.theme).toBe('governance');
    const u = lines.join('\n').replace('(二)大力改善区域环境,全面提升城市治理水平', '(二)奋力谱写新篇章');
    expect(warningsOf(u)).toEqual(['97: cannot tell the theme of section heading "(二)奋力谱写新篇章": it is filed under "other"']);
    expect(parse(u).paragraphs.find((p) => p.id === 'p3-2-4')?.theme).toBe('other');
  });

  it('the complete 2017 report has no warnings', () => {
    expect(warningsOf(text)).toEqual([]);
    expect(parse(text).warnings).toBeUndefined();
  });
});

describe('text that is not a report at all is refused with the line named', () => {
  it('an empty file and a file of page chrome only', () => {
    expectInputError(() => parse(''), 1, /no report text/);
    expectInputError(() => parse(lines.slice(0, 7).join('\n')), 1, /no report text/);
  });

  it('text with no Chinese in it', () => {
    expectInputError(() => parse('\n\nLorem ipsum dolor sit amet.\nConsectetur.\n'), 3, /no Chinese text/);
  });
});

describe('wrong encodings are refused, not decoded into mojibake', () => {
  it('GB18030 bytes are reported with their line', () => {
    const utf8 = new TextEncoder().encode('各位代表:\n');
    // "西城" in GB18030 is CE F7 B3 C7, invalid as UTF-8.
    const bytes = new Uint8Array([...utf8, 0x0a, 0xce, 0xf7, 0xb3, 0xc7, 0x0a]);
    expect(() => decodeReportBytes(bytes, 'gbk.txt')).toThrow(/gbk\.txt, line 3: the file is not valid UTF-8.*GB18030/);
  });

  it('UTF-16 text is refused with a UTF-16 hint, with or without a byte-order mark', () => {
    const le = (s: string) => new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer);
    const body = le('各位代表:\n西城区人民政府工作报告。\n');
    for (const bytes of [new Uint8Array([0xff, 0xfe, ...body]), body]) {
      const e = errorOf(() => decodeReportBytes(bytes, 'u16.txt'));
      expect(e.message).toMatch(/^u16\.txt, line 1: .*UTF-16.*iconv -f UTF-16/);
      expect(e.message).not.toMatch(/GB18030/);
    }
    const be = new Uint8Array([0x89, 0x7f, 0x57, 0xce, 0x00, 0x0a]);
    expect(errorOf(() => decodeReportBytes(be, 'be.txt')).message).toMatch(/UTF-16BE/);
  });

  it('a PDF, a Word file and random binary are named as such', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(errorOf(() => decodeReportBytes(enc('%PDF-1.7\n...'), 'r.pdf')).message).toMatch(/r\.pdf, line 1: a PDF file/);
    expect(errorOf(() => decodeReportBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'r.docx')).message).toMatch(/zip archive/);
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x01]);
    expect(errorOf(() => decodeReportBytes(binary, 'x.png')).message).toMatch(/not valid UTF-8 text \(binary data/);
  });

  it('plain ASCII of even length is not mistaken for UTF-16', () => {
    expect(decodeReportBytes(new TextEncoder().encode('hello world!'), 'a.txt')).toBe('hello world!');
  });

  it('a UTF-8 byte-order mark is accepted and dropped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('abc')]);
    expect(decodeReportBytes(bytes, 'bom.txt')).toBe('abc');
  });
});
