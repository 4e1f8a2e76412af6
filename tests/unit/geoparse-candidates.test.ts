import { describe, expect, it } from 'vitest';
import { type Candidate, type Covered, proposeCandidates } from '../../src/core/geoparse/candidates';
import { rankCandidates } from '../../src/core/geoparse/geoparse';
import { isNamed, judgeHead } from '../../src/pipeline/chain';

const names = (text: string, covered: Covered[] = [], withSegmenter = true) =>
  proposeCandidates(text, 'p', covered, withSegmenter ? { judgeHead } : {}).map((c) => c.name);
/** What a curator is shown: the proposals that rank (strong suffix or a name the segmenter knows). */
const shown = (text: string) => rankCandidates(proposeCandidates(text, 'p', [], { judgeHead }), isNamed).map((c) => c.name);
const span = (text: string, name: string, placeName?: string): Covered => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, name: placeName };
};

describe('candidate names from suffixes', () => {
  it('surfaces streets, hutongs, bridges, halls, temples, schools, shopping buildings and squares', () => {
    expect(names('完成杨梅竹斜街、砖塔胡同、大吉巷环境提升')).toEqual(['杨梅竹斜街', '砖塔胡同', '大吉巷']);
    expect(names('完成天宁寺桥、白纸坊桥下空间整治')).toEqual(['天宁寺桥', '白纸坊桥']);
    expect(names('湖广会馆、粤东新馆修缮后开放,广济寺、先农坛周边整治')).toEqual(['湖广会馆', '粤东新馆', '广济寺', '先农坛']);
    expect(names('推动君太百货、华威大厦升级改造')).toEqual(['君太百货', '华威大厦']);
    expect(names('支持北京四中、北京市第十三中学扩大学位')).toEqual(['北京四中', '北京市第十三中学']);
    expect(names('配合地铁3号线前期工作')).toEqual(['地铁3号线']);
  });

  it('runs a name on past a linked place, but not through a 街道, nor re-proposes a fuller form of it', () => {
    const t = '推动西单大悦城、西单商场改造,启动官园市场疏解,完成白纸坊街道建功北里改造';
    const covered = [
      { ...span(t, '西单'), name: '西单' },
      { start: t.indexOf('西单商场'), end: t.indexOf('西单商场') + 2, name: '西单' },
      span(t, '官园', '官园商品批发市场'),
      span(t, '白纸坊街道', '白纸坊街道'),
    ];
    expect(names(t, covered)).toEqual(['西单大悦城', '西单商场', '建功北里']);
    // A name that is linked as a whole is never proposed.
    expect(names('建成什刹海绿道', [{ start: 2, end: 7, name: '什刹海绿道' }])).toEqual([]);
  });

  it('does not propose a clause: 缓解右安门地区 is 右安门地区', () => {
    // 右安门 (the gate) and 右安门地区 (its area) are both names; the clause is not.
    expect(names('缓解右安门地区早晚高峰拥堵')).toEqual(['右安门', '右安门地区']);
    expect(names('连接白塔寺、历代帝王庙')).toEqual(['白塔寺', '历代帝王庙']);
    // Without a segmenter the word list still cuts at the verb.
    expect(names('缓解右安门地区早晚高峰拥堵', [], false)).toEqual(['右安门', '右安门地区']);
  });

  it('refuses phrases, idioms, generic kinds and titles of works', () => {
    expect(names('推进“足不出户逛商场”')).toEqual([]);
    expect(names('建立学校、家庭、社会协调互动的教育共同体')).toEqual([]);
    expect(shown('规范民办学校办学,扩大文明校园覆盖面')).toEqual([]);
    expect(names('打造一批“十无”五好街巷,新建过街天桥')).toEqual([]);
    expect(names('话剧《北京法源寺》上演')).toEqual([]);
    expect(shown('在白塔寺、护国寺地区打造共享空间,新建一批口袋公园')).toEqual(['护国寺', '护国寺地区', '白塔寺']);
  });

  it('keeps the temple and its area, and the institution rather than the university it starts with', () => {
    expect(names('在白塔寺、护国寺地区打造共享空间')).toEqual(['白塔寺', '护国寺', '护国寺地区']);
    expect(names('支持北京大学人民医院提升服务能力')).toEqual(['北京大学人民医院']);
  });
});

describe('ranking for a curator', () => {
  it('ranks strong and segmenter-named names first, with category and sentences', () => {
    const c = (name: string, strong: boolean, sentence: string): Candidate => ({
      name,
      paragraphId: 'p1',
      start: 0,
      end: name.length,
      strong,
      category: 'road',
      sentence,
    });
    const ranked = rankCandidates(
      [
        c('延寿街', false, '完成延寿街提升。'),
        c('砖塔胡同', true, '砖塔胡同恢复风貌。'),
        c('延寿街', false, '延寿街再提升。'),
        c('某某路', false, 'x'),
      ],
      isNamed,
    );
    expect(ranked.map((r) => [r.name, r.count, r.score])).toEqual([
      ['延寿街', 2, 5],
      ['砖塔胡同', 1, 3],
    ]);
    expect(ranked[0]?.sentences).toEqual(['完成延寿街提升。', '延寿街再提升。']);
    expect(ranked[0]?.category).toBe('road');
  });

  it('asks the segmenter whether a head is a name', () => {
    expect(isNamed('长安街')).toBe(true);
    expect(isNamed('陶然亭地区')).toBe(true);
    expect(isNamed('区属医院')).toBe(false);
    expect(judgeHead('缓解右安门地区', 2)).toBe(2);
    expect(judgeHead('足不出户逛商场', 2)).toBeNull();
  });
});
