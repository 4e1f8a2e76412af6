import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors';
import { decodeReportBytes } from '../../src/core/report/decode';
import { parseReport } from '../../src/core/report/parse';
import { REPORT_FIXTURE } from './helpers';

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

describe('malformed reports are refused with the line named', () => {
  it('a file cut off mid-paragraph', () => {
    const cut = text.slice(0, text.indexOf('打造西城区政务服务品牌') + 4);
    expectInputError(() => parse(cut), 163, /truncated/);
  });

  it('a file cut off after a section heading', () => {
    const cut = lines.slice(0, 155).join('\n');
    expectInputError(() => parse(cut), 155, /no paragraphs.*truncated/);
  });

  it('a missing part heading (二 removed, so 三 follows 一)', () => {
    const t = lines.filter((_, i) => i !== 38).join('\n');
    expectInputError(() => parse(t), 74, /part heading "三、2017年重点工作安排" is number 3, expected 2/);
  });

  it('no part headings at all', () => {
    const t = lines.filter((l) => !/^\s*[一二三]、/.test(l)).join('\n');
    expectInputError(() => parse(t), 18, /numbered section .* before any part heading/);
    expectInputError(() => parse('各位代表:\n\n今年的工作很好。\n'), 1, /no part headings/);
  });

  it('a skipped section number', () => {
    const t = lines.join('\n').replace('(二)大力改善区域环境', '(三)大力改善区域环境');
    expectInputError(() => parse(t), 97, /section \(三\) is number 3, expected 2/);
  });

  it('a missing section heading between items', () => {
    const t = lines.filter((_, i) => i !== 96).join('\n');
    expectInputError(() => parse(t), 100, /item "一是" is number 1, expected 6: the numbered section heading before it is missing/);
  });

  it('a skipped item number', () => {
    const t = lines.filter((_, i) => i !== 88).join('\n');
    expectInputError(() => parse(t), 90, /item "三是" is number 3, expected 2/);
  });

  it('an empty file and a file of page chrome only', () => {
    expectInputError(() => parse(''), 1, /no report text/);
    expectInputError(() => parse(lines.slice(0, 7).join('\n')), 1, /no report text/);
  });
});

describe('wrong encodings are refused, not decoded into mojibake', () => {
  it('GB18030 bytes are reported with their line', () => {
    const utf8 = new TextEncoder().encode('各位代表:\n');
    // "西城" in GB18030 is CE F7 B3 C7, invalid as UTF-8.
    const bytes = new Uint8Array([...utf8, 0x0a, 0xce, 0xf7, 0xb3, 0xc7, 0x0a]);
    expect(() => decodeReportBytes(bytes, 'gbk.txt')).toThrow(/gbk\.txt, line 3: the file is not valid UTF-8.*GB18030/);
  });

  it('UTF-16 text is refused', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x7f, 0x89, 0xce, 0x57]);
    expect(() => decodeReportBytes(bytes, 'u16.txt')).toThrow(InputError);
  });

  it('a UTF-8 byte-order mark is accepted and dropped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('abc')]);
    expect(decodeReportBytes(bytes, 'bom.txt')).toBe('abc');
  });
});
