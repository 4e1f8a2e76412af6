import { describe, expect, it } from 'vitest';
import { chineseNumber, isUnnumberedHeading, itemNumber, numberedHeading, planLevels } from '../../src/core/report/headings';

describe('numbered headings of the genre', () => {
  it('reads the three styles and their numbers', () => {
    expect(numberedHeading('第二部分 今后五年的主要任务')).toMatchObject({ level: 'bu', number: 2, rest: '今后五年的主要任务' });
    expect(numberedHeading('第十一部分:附则')).toMatchObject({ level: 'bu', number: 11, rest: '附则' });
    expect(numberedHeading('二、今年重点工作')).toMatchObject({ level: 'dun', number: 2, rest: '今年重点工作' });
    expect(numberedHeading('(十二)加强政府自身建设')).toMatchObject({ level: 'paren', number: 12 });
    expect(numberedHeading('(三)着力推进城市更新')).toMatchObject({ level: 'paren', number: 3 });
    expect(numberedHeading('一是持续推动疏解')).toBeUndefined();
    expect(numberedHeading('今年重点工作')).toBeUndefined();
    expect(chineseNumber('二十三')).toBe(23);
    expect(chineseNumber('百')).toBeUndefined();
  });

  it('plans which style is a part and which a section from the styles the text uses', () => {
    expect(planLevels(['一、过去五年工作回顾', '(一)积极落实。正文。'])).toEqual({ part: 'dun', section: 'paren' });
    expect(planLevels(['第一部分 过去五年', '一、核心区功能实现重塑', '(一)中央政务环境'])).toEqual({
      part: 'bu',
      section: 'dun',
      sub: 'paren',
    });
    expect(planLevels(['第一部分 过去五年', '(一)中央政务环境'])).toEqual({ part: 'bu', section: 'paren' });
    expect(planLevels(['(三)着力推进城市更新', '1.推进整治。'])).toEqual({ section: 'paren' });
    // A 一、 line that is a sentence is an enumeration in running text, not a part heading.
    expect(planLevels(['一、加快推进改造,完成整治任务。其余正文。'])).toEqual({});
    expect(planLevels(['本报讯 今天开幕。'])).toEqual({});
  });

  it('reads items in Chinese and Arabic numbering, and not a figure', () => {
    expect(itemNumber('三是增加绿色生态空间。')).toEqual({ number: 3, label: '三是' });
    expect(itemNumber('2.实施背街小巷精细化整治。')).toEqual({ number: 2, label: '2.' });
    expect(itemNumber('(4)完善医疗卫生服务。')).toEqual({ number: 4, label: '(4)' });
    expect(itemNumber('1.5万平方米违法建设拆除完毕。')).toBeUndefined();
    expect(itemNumber('2019年是关键之年。')).toBeUndefined();
  });

  it('tells an unnumbered heading line from a paragraph', () => {
    expect(isUnnumberedHeading('今年重点工作')).toBe(true);
    expect(isUnnumberedHeading('各位代表:')).toBe(false);
    expect(isUnnumberedHeading('完成整治。')).toBe(false);
    expect(isUnnumberedHeading('2021')).toBe(false);
  });
});
