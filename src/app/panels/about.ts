import { el } from '../dom';
import { lang } from '../i18n';

export const ATTRIBUTION = [
  '街道、区界、地铁站、水系: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)',
  'Subdistricts, outline, stations, water: © OpenStreetMap contributors, ODbL 1.0',
  '地点坐标: 本项目整理,来源见各地点卡片 · Place coordinates: curated by this project, sources on each card',
];

/** What this is, how to use it, and where every piece of data comes from. */
export function renderAbout(container: HTMLElement, extraAttribution: string[] = []): void {
  const zh = lang() === 'zh';
  container.replaceChildren(
    el('h2', {}, zh ? '关于西城报告地图' : 'About the Xicheng Report Atlas'),
    el(
      'p',
      {},
      zh
        ? '本图把西城区政府工作报告中提到的每一个地点和项目标注在地图上,并与报告原文双向关联。'
        : 'This atlas puts every place and project named in the Xicheng District government work report on a map, linked both ways to the report text.',
    ),
    el('h3', {}, zh ? '使用方法' : 'How to use it'),
    el(
      'ul',
      {},
      el(
        'li',
        {},
        zh
          ? '点击报告中带颜色的地名,地图会飞到该地点并显示详情。'
          : 'Click a coloured place name in the report: the map flies there and opens its card.',
      ),
      el(
        'li',
        {},
        zh ? '点击地图上的地点,查看报告中所有提到它的段落。' : 'Click a place on the map to see every passage that mentions it.',
      ),
      el('li', {}, zh ? '用筛选按主题、阶段、类别、街道和位置精度查看。' : 'Filter by theme, phase, category, subdistrict and precision.'),
      el('li', {}, zh ? '地址栏中的链接记录当前视图,可分享或收藏。' : 'The address bar holds the current view: share or bookmark it.'),
    ),
    el('h3', {}, zh ? '数据来源与许可' : 'Data sources and licences'),
    el('ul', { class: 'attribution-list' }, ...[...ATTRIBUTION, ...extraAttribution].map((a) => el('li', {}, a))),
    el(
      'p',
      { class: 'muted' },
      zh
        ? '大致位置以浅色圆圈表示误差范围;无具体地点的活动和机构只在文中标注。本应用完全离线运行。'
        : 'Approximate locations carry a soft circle of their uncertainty; events and organisations without a site are marked in the text only. The app runs fully offline.',
    ),
  );
}
