import type { DistrictEntry } from '../../../core/gazetteer/district';
import { pointInArea } from '../../../core/geo/contains';
import { makeAddition } from '../../../core/import/additions';
import type { Addition, StoredReport } from '../../../core/import/model';
import type { MapGesture } from '../../map/interaction';
import { fromMapPosition } from '../../map/providers';
import type { AppContext } from '../context';
import { LAYERS } from './layer';
import type { Library } from './library';
import { imt } from './strings';

/** The map's hit tolerance (src/core/state/hit-test.ts): a finger covers more than a mouse pointer. */
const tolerance = (g: MapGesture) => (g.pointer === 'touch' ? 20 : 6);

/**
 * Places a candidate where the map was tapped: in 西城区 and in which 街道 are read against the map's
 * own outlines (both in the map's CRS), the point is kept in WGS-84, its uncertainty is the tap's
 * width on the ground. A point that cannot be a place of the report (outside China) is refused
 * with a notice. The addition is kept in the library; the caller maps the report again with it.
 */
export async function placeCandidate(
  ctx: AppContext,
  g: MapGesture,
  r: StoredReport,
  name: string,
  deps: { lib: Library; district: readonly DistrictEntry[] },
): Promise<Addition | undefined> {
  const c = r.mapped.candidates.find((x) => x.name === name);
  if (!c) return undefined;
  const at = [g.lngLat.lng, g.lngLat.lat];
  const outline = ctx.data.district.features[0]?.geometry;
  const inXicheng = outline ? pointInArea(at, outline) : false;
  const subdistrict = ctx.data.subdistricts.features.find((f) => pointInArea(at, f.geometry))?.properties.name;
  const wgs = await fromMapPosition(at);
  const taken = new Set([...ctx.data.index.places.keys(), ...deps.lib.get().additions.map((a) => a.id), ...deps.district.map((e) => e.id)]);
  const a = makeAddition(
    c,
    { at: [wgs[0], wgs[1]], zoom: ctx.map.getZoom(), tolerancePx: tolerance(g) },
    { in_xicheng: inXicheng, subdistrict },
    { reportId: r.id, file: r.file, year: r.year, paragraphs: c.paragraphs },
    taken,
    new Date(),
  );
  if (typeof a === 'string') {
    ctx.notice(`${imt('notHere')}${a}`);
    return undefined;
  }
  await deps.lib.putAddition(a).catch((e: unknown) => ctx.notice(imt('notKept', { reason: e instanceof Error ? e.message : String(e) })));
  return a;
}

/** The id of an addition or a district entry of the import layer under a tap, if any. */
export function tappedAddition(ctx: AppContext, g: MapGesture): string | undefined {
  const t = tolerance(g);
  const layers = [LAYERS.added, LAYERS.district, LAYERS.districtLines].filter((l) => ctx.map.getLayer(l));
  if (layers.length === 0) return undefined;
  const hits = ctx.map.queryRenderedFeatures(
    [
      [g.point.x - t, g.point.y - t],
      [g.point.x + t, g.point.y + t],
    ],
    { layers },
  );
  const id = hits[0]?.properties?.id;
  return typeof id === 'string' ? id : undefined;
}
