import type { DistrictEntry } from '../../../core/gazetteer/district';
import { circlePolygon } from '../../../core/geo/sphere';
import type { Addition } from '../../../core/import/model';
import type { PlaceFeatureT } from '../../../core/places/model';
import type { LayerGroup, MapComposer, StyleContext } from '../../map/compose';
import { toMapCrs } from '../../map/providers';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The colour of what a planner placed: apart from every category colour of the atlas. */
export const ADDED = '#c2185b';
/** The font of the place labels (map/layers/place-style.ts), not imported: that module brings the places layer with it. */
const LABEL_FONT = ['Noto Sans Regular'];
export const LAYERS = { added: 'import-added', district: 'import-district', districtLines: 'import-district-lines' } as const;

export interface ImportMapData {
  /** The planner's additions, with their uncertainty rings. */
  added: GeoJSON.FeatureCollection;
  /** District-gazetteer entries the shown report names (stations, 社区, lines). */
  district: GeoJSON.FeatureCollection;
  /** The project's places the shown report names (a ring on each point). */
  named: GeoJSON.FeatureCollection;
}

let data: ImportMapData = { added: EMPTY, district: EMPTY, named: EMPTY };

/**
 * What an opened report puts on the map, in WGS-84 moved into the map's CRS: the places the planner
 * placed (magenta, with the tap's uncertainty as a dashed ring), the district entries it names, and
 * a ring on each of the atlas's own places it names.
 */
export async function importMapData(
  additions: readonly Addition[],
  district: readonly DistrictEntry[],
  named: readonly PlaceFeatureT[],
): Promise<ImportMapData> {
  const added: GeoJSON.Feature[] = [];
  for (const a of additions) {
    const [lng, lat] = a.geometry.coordinates as [number, number];
    added.push({ type: 'Feature', id: a.id, properties: { id: a.id, name: a.name, kind: 'point' }, geometry: a.geometry });
    added.push({
      type: 'Feature',
      properties: { id: a.id, kind: 'ring' },
      geometry: { type: 'Polygon', coordinates: [circlePolygon({ lng, lat }, a.uncertainty_m)] },
    });
  }
  const entries: GeoJSON.Feature[] = district.map((e) => ({
    type: 'Feature',
    properties: { id: e.id, name: e.name },
    geometry: e.geometry as GeoJSON.Geometry,
  }));
  const moved = await toMapCrs({
    added: { type: 'FeatureCollection', features: added },
    district: { type: 'FeatureCollection', features: entries },
  });
  // The project's places are in the map's CRS already (loaded so).
  const points = named.flatMap((p) =>
    p.geometry?.type === 'Point' ? [{ type: 'Feature' as const, properties: { id: p.id }, geometry: p.geometry as GeoJSON.Point }] : [],
  );
  return {
    added: moved.added as GeoJSON.FeatureCollection,
    district: moved.district as GeoJSON.FeatureCollection,
    named: { type: 'FeatureCollection', features: points },
  };
}

function importGroup(ctx: StyleContext): LayerGroup | null {
  if (ctx.state.mode !== 'import') return null;
  const zh = ctx.state.lang === 'zh';
  return {
    sources: {
      'import-added': { type: 'geojson', data: data.added },
      'import-district': { type: 'geojson', data: data.district },
      'import-named': { type: 'geojson', data: data.named },
    },
    layers: [
      {
        id: 'import-named',
        type: 'circle',
        source: 'import-named',
        paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#222', 'circle-stroke-width': 2 },
      },
      {
        id: LAYERS.districtLines,
        type: 'line',
        source: 'import-district',
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': '#37474f', 'line-width': 3, 'line-opacity': 0.6 },
      },
      {
        id: LAYERS.district,
        type: 'circle',
        source: 'import-district',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': '#37474f', 'circle-stroke-width': 2 },
      },
      {
        id: 'import-added-ring',
        type: 'line',
        source: 'import-added',
        filter: ['==', ['get', 'kind'], 'ring'],
        paint: { 'line-color': ADDED, 'line-width': 1.5, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYERS.added,
        type: 'circle',
        source: 'import-added',
        filter: ['==', ['get', 'kind'], 'point'],
        paint: { 'circle-radius': 7, 'circle-color': ADDED, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      },
      {
        id: 'import-added-label',
        type: 'symbol',
        source: 'import-added',
        filter: ['==', ['get', 'kind'], 'point'],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': 13,
          'text-offset': [0, 1.2],
          'text-anchor': 'top',
          'text-optional': !zh,
        },
        paint: { 'text-color': ADDED, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** Registers the group; `set` replaces its data and redraws only what changed. */
export function provideImportLayer(composer: MapComposer): { set(d: ImportMapData): void } {
  composer.provide('import', importGroup);
  return {
    set(d) {
      data = d;
      composer.apply();
    },
  };
}
