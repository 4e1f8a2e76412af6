/**
 * The basemap's districts: outlines clipped to the box, their neighbours and label points.
 */
import area from '@turf/area';
import type { BasemapDistrictCollectionT } from '../../core/geo/basemap';
import { pointSegmentDistance } from '../../core/geo/planar';
import { representativePoint } from '../../core/geo/represent';
import { localProjection } from '../../core/geo/sphere';
import { romanize } from '../../core/text/pinyin';
import { clipPolygons, type Pos2, polygonsOf, roundTo } from './shape';
import { read, SOURCE_FILES, SourceDistricts } from './sources';

/** Districts are generalised outlines already; a coarser tolerance loses nothing visible. */
const DISTRICT_SIMPLIFY_M = 10;
/** Districts whose part inside the box is smaller than this are slivers, not context. */
const MIN_DISTRICT_KM2 = 0.5;
/** Two districts are neighbours when this many vertices of one lie this close to the other's edge. */
const NEIGHBOUR_M = 60;
const NEIGHBOUR_MIN_VERTICES = 3;
/** Whether enough vertices of `a` lie on `b`'s edge for the two to share a boundary. */
function sharesBoundary(a: Pos2[][], b: Pos2[][]): boolean {
  const m = localProjection(40);
  const segs = b.flatMap((r) => r.slice(1).map((p, i) => [m(r[i] as Pos2), m(p)] as [Pos2, Pos2]));
  let n = 0;
  for (const r of a)
    for (const p of r) {
      const q = m(p);
      if (segs.some(([s, e]) => pointSegmentDistance(q, s, e) <= NEIGHBOUR_M) && ++n >= NEIGHBOUR_MIN_VERTICES) return true;
    }
  return false;
}

function ringsBBox(rings: Pos2[][]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  for (const r of rings)
    for (const p of r) {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }
  return b;
}

export function buildDistricts(sourcesDir: string): BasemapDistrictCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.districts, SourceDistricts);
  const all = src.features
    .map((f) => ({ name: f.properties.name, adcode: String(f.properties.adcode), rings: polygonsOf(f.geometry).flat(), f }))
    .sort((a, b) => a.adcode.localeCompare(b.adcode));
  const boxes = all.map((d) => ringsBBox(d.rings));
  const slack = 0.001;
  const features: BasemapDistrictCollectionT['features'] = [];
  all.forEach((d, i) => {
    const geometry = clipPolygons(polygonsOf(d.f.geometry), DISTRICT_SIMPLIFY_M);
    if (!geometry) return;
    const feature = { type: 'Feature' as const, properties: {}, geometry };
    if (area(feature) / 1e6 < MIN_DISTRICT_KM2) return;
    const bi = boxes[i] as number[];
    const neighbours = all
      .filter((o, j) => {
        const bj = boxes[j] as number[];
        const overlap =
          (bi[0] ?? 0) - slack <= (bj[2] ?? 0) &&
          (bj[0] ?? 0) - slack <= (bi[2] ?? 0) &&
          (bi[1] ?? 0) - slack <= (bj[3] ?? 0) &&
          (bj[1] ?? 0) - slack <= (bi[3] ?? 0);
        return j !== i && overlap && sharesBoundary(d.rings, o.rings);
      })
      .map((o) => o.name);
    const label = representativePoint(geometry) as [number, number];
    features.push({
      type: 'Feature',
      id: d.adcode,
      geometry,
      properties: {
        name: d.name,
        name_en: `${romanize(d.name.replace(/区$/, ''))} District`,
        adcode: d.adcode,
        neighbours,
        label: [roundTo(label[0]), roundTo(label[1])],
      },
    });
  });
  return { type: 'FeatureCollection', features };
}
