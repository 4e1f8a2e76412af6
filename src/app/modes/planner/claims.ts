import type { SubdistrictValue } from '../../../core/analysis/aggregate';
import { marketClaim, parkCoverage, projectNni } from '../../../core/analysis/claims';
import type { AtlasData } from '../../data';
import { el } from '../../dom';
import { fmt, tr } from './text';

export interface ClaimNumbers {
  parkShare: number;
  parkSamples: number;
  parkTargets: number;
  nniR?: number | undefined;
  nniZ?: number | undefined;
  nniN: number;
}

const quote = (pid: string, text: string) => el('blockquote', { class: 'planner-quote' }, el('span', { class: 'pid' }, `[${pid}] `), text);

/**
 * The report's spatial claims recomputed on our data, each with its method and its limits. Runs
 * once (the data does not change); the district-wide sampling takes a fraction of a second.
 */
export function renderClaims(container: HTMLElement, data: AtlasData): ClaimNumbers {
  const district = data.district.features[0];
  container.replaceChildren();
  if (!district) {
    container.append(el('p', {}, tr('缺少区界,无法计算。', 'No district outline: nothing can be computed.')));
    return { parkShare: 0, parkSamples: 0, parkTargets: 0, nniN: 0 };
  }
  const area = district.properties.area_km2;
  const places = data.places.features;
  // 1. Park service radius
  const park = parkCoverage(data.report, district.geometry as never, places, 50);
  const pc = park.coverage;
  const names = park.targets.map((id) => data.index.places.get(id)?.properties.name ?? id).join('、');
  container.append(
    el('h4', {}, tr('公园绿地 500 米服务半径', 'Park 500 m service radius')),
    park.report ? quote(park.report.paragraphId, park.report.sentence) : '',
    el(
      'p',
      { class: 'claim-figure' },
      tr('报告:', 'Report: '),
      el('strong', {}, park.report ? `${park.report.fact.value}%` : '—'),
      ' · ',
      tr('本图数据:', 'Our data: '),
      el('strong', { id: 'claim-park' }, `${fmt(pc.share * 100, 1)}%`),
    ),
    el(
      'p',
      { class: 'claim-method' },
      tr(
        `方法:在区界内每 ${pc.spacing} 米取一个样点(共 ${pc.samples} 个),计算到最近的公园或绿道几何(点、线)的直线距离,≤ ${pc.radius} 米的样点占比。所用绿地只有报告中点名的 ${pc.targets} 处:${names};其中多为大致位置的点,绿道仅一条有线形。`,
        `Method: a sample point every ${pc.spacing} m inside the district outline (${pc.samples} points); the share whose straight-line distance to the nearest park or greenway geometry (points, lines) is ≤ ${pc.radius} m. The only green spaces are the ${pc.targets} the report names: ${names}; most are approximate points, only one greenway has a line.`,
      ),
    ),
    el(
      'p',
      { class: 'claim-limit' },
      tr(
        '局限:这个数字只表示“距报告点名的绿地 500 米以内”的面积比例,不能用来核对 92.7%。报告的数字覆盖全区所有公园绿地(数百处,含小微绿地),并按居住用地、步行距离计算;本图没有全区公园数据,因此无法核实该数字。',
        'Limits: this is only the share of the district within 500 m of the green spaces the report names; it cannot check the 92.7%. That figure covers every park and pocket green space in the district (hundreds), usually over residential land and walking distance; our data has no district-wide park layer, so the claim cannot be verified here.',
      ),
    ),
  );
  // 2. Markets relocated
  const m = marketClaim(data.report, places);
  container.append(
    el('h4', {}, tr('疏解升级市场', 'Markets relocated or upgraded')),
    m.report ? quote(m.report.paragraphId, m.report.sentence) : '',
    el(
      'p',
      { class: 'claim-limit' },
      tr(
        `报告:${m.report?.fact.value ?? '—'} 个。本图只标注报告点名的 ${m.mapped} 个批发市场,其余未具名,数据不足以核对,不给出数字。`,
        `Report: ${m.report?.fact.value ?? '—'}. Our map has only the ${m.mapped} wholesale markets the report names; the rest are unnamed, so the data cannot support a check and no figure is given.`,
      ),
    ),
  );
  // 3. Nearest-neighbour index
  const nni = projectNni(data.projects, data.index.places, area);
  const r = nni.result;
  container.append(
    el('h4', {}, tr('项目的空间分布:最近邻指数', 'Spread of projects: nearest-neighbour index')),
    r
      ? el(
          'p',
          { class: 'claim-figure' },
          'Clark–Evans R = ',
          el('strong', { id: 'claim-nni' }, fmt(r.R, 2)),
          ` (z = ${fmt(r.z, 2)}, n = ${r.n})`,
        )
      : el('p', {}, tr('项目点太少,无法计算。', 'Too few project sites to compute.')),
    r
      ? el(
          'p',
          { class: 'claim-method' },
          tr(
            `方法:区内有项目的不同地点 ${r.n} 个(街道本身不计,一个地点多个项目只算一次),平均最近邻距离 ${fmt(r.observedMean)} 米;随机分布的期望值 0.5/√(n/A) = ${fmt(r.expectedMean)} 米,A = ${fmt(r.areaKm2, 2)} km²(区界)。R < 1 趋于集聚,R ≈ 1 随机,R > 1 趋于均匀;|z| < 1.96 即在 5% 水平上与随机无显著差异。`,
            `Method: ${r.n} distinct in-district project sites (街道 themselves left out; a site with several projects counts once); mean nearest-neighbour distance ${fmt(r.observedMean)} m against 0.5/√(n/A) = ${fmt(r.expectedMean)} m expected at random, A = ${fmt(r.areaKm2, 2)} km² (district outline). R < 1 clustered, ≈ 1 random, > 1 dispersed; |z| < 1.96 means not significantly different from random at 5%.`,
          ),
        )
      : '',
    el(
      'p',
      { class: 'claim-limit' },
      tr(
        '局限:多数地点是大致位置(误差数百米),面状地点取其顶点平均;未作边界校正(n 较小时 R 偏大)。',
        'Limits: most sites are approximate (hundreds of metres); areas are reduced to the mean of their vertices; no edge correction (R is biased upward for small n).',
      ),
    ),
  );
  return { parkShare: pc.share, parkSamples: pc.samples, parkTargets: pc.targets, nniR: r?.R, nniZ: r?.z, nniN: r?.n ?? 0 };
}

/** Places per 街道 under the current filter, densest first. */
export function renderDensityTable(container: HTMLElement, perSd: SubdistrictValue[]): void {
  const rows = [...perSd].sort((a, b) => b.perKm2 - a.perKm2);
  container.replaceChildren(
    el('h4', {}, tr('各街道地点密度(当前筛选)', 'Places per 街道 (current filter)')),
    el(
      'table',
      { class: 'planner-table', id: 'claim-density' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, tr('街道', 'Subdistrict')),
          el('th', {}, tr('地点', 'Places')),
          el('th', {}, 'km²'),
          el('th', {}, tr('每 km²', 'per km²')),
        ),
      ),
      el(
        'tbody',
        {},
        ...rows.map((x) =>
          el(
            'tr',
            {},
            el('td', {}, x.name),
            el('td', {}, String(x.count)),
            el('td', {}, fmt(x.areaKm2, 2)),
            el('td', {}, fmt(x.perKm2, 2)),
          ),
        ),
      ),
    ),
  );
}
