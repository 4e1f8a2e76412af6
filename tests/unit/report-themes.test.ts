import { describe, expect, it } from 'vitest';
import { classifySectionTheme, classifyText, classifyTheme, phaseOfPartHeading } from '../../src/core/report/themes';

describe('phase of a part heading, in any year', () => {
  it.each([
    ['一、过去五年工作回顾', 'review'],
    ['一、2018年工作回顾', 'review'],
    ['一、过去一年的工作', 'review'],
    ['第一部分 五年来的主要工作', 'review'],
    ['二、未来五年政府工作的总体把握', 'plan'],
    ['第二部分 今后五年的主要任务', 'plan'],
    ['二、“十四五”时期的主要目标任务', 'plan'],
    ['二、2021—2025年发展目标', 'plan'],
    ['三、2017年重点工作安排', 'tasks'],
    ['二、今年重点工作', 'tasks'],
    ['二、关于今年的工作', 'tasks'],
    ['二、2019年工作任务', 'tasks'],
    ['三、二〇一九年工作安排', 'tasks'],
    ['三、重点工作安排', 'tasks'],
  ])('%s → %s', (h, phase) => expect(phaseOfPartHeading(h)).toBe(phase));

  it('names no phase for a heading without a time frame', () => {
    expect(phaseOfPartHeading('第三部分 坚持依法行政,建设人民满意的政府')).toBeUndefined();
  });
});

describe('themes of headings never seen before', () => {
  it('keeps the 2017 rules first and falls back to a wider vocabulary', () => {
    expect(classifyTheme('精心打造街区更新样板')).toBeUndefined();
    expect(classifySectionTheme('(三)精心打造街区更新样板')).toBe('environment');
    expect(classifySectionTheme('(二)营商环境持续优化')).toBe('economy');
    expect(classifySectionTheme('(一)疫情防控取得重大战略成果')).toBe('governance');
    expect(classifySectionTheme('一、建设更高水平的国家金融管理中心')).toBe('economy');
    expect(classifySectionTheme('(二)大力改善区域环境,全面提升城市治理水平')).toBe('environment');
    expect(classifySectionTheme('(二)奋力谱写新篇章')).toBeUndefined();
  });

  it('classifies a paragraph without a heading by its most frequent theme words', () => {
    expect(classifyText('文化方面,推进历代帝王庙、白云观等文物保护利用,在湖广会馆举办演出。')).toBe('culture');
    expect(classifyText('据悉,全文将于近日公布。')).toBe('other');
  });
});
