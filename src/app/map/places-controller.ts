import bbox from '@turf/bbox';
import type { GeoJSONSource, LngLatBoundsLike, MapGeoJSONFeature, Map as MlMap } from 'maplibre-gl';
import type { PlaceFeatureT } from '../../core/places/model';
import type { Lang } from '../../core/state/url';
import { addHighlight, setHighlight } from './layers/highlight';
import { addPlaceAreas } from './layers/place-areas';
import { addPlaceLines } from './layers/place-lines';
import { addPlacePoints } from './layers/place-points';
import { addUncertaintyHalos } from './layers/uncertainty';

export const INTERACTIVE_LAYERS = ['place-points', 'place-lines', 'place-lines-approx', 'place-areas-fill'] as const;

function flat(f: PlaceFeatureT, lang: Lang): GeoJSON.Feature {
  const p = f.properties;
  return {
    type: 'Feature',
    geometry: f.geometry as GeoJSON.Geometry,
    properties: {
      id: f.id,
      label: lang === 'zh' ? p.name : p.name_en,
      category: p.category,
      precision: p.precision,
      uncertainty_m: p.uncertainty_m ?? 0,
      mentions: p.mentions,
    },
  };
}

/** The report's places on the map: one source per geometry kind, hover and selection in sync with the text. */
export class PlacesOnMap {
  private hovered: { source: string; id: string } | undefined;
  private sourceOf = new Map<string, string>();

  constructor(
    private readonly map: MlMap,
    centreLat: number,
    handlers: { onSelect: (id: string) => void; onHover: (id: string | undefined) => void },
    /** Space taken by panels floating over the map (the card, the phone's bottom sheet). */
    private readonly covered: () => { top: number; right: number; bottom: number; left: number } = () => ({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    }),
  ) {
    addPlaceAreas(map);
    addPlaceLines(map);
    addUncertaintyHalos(map, centreLat);
    addPlacePoints(map);
    addHighlight(map);
    for (const layer of INTERACTIVE_LAYERS) {
      map.on('click', layer, (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === 'string') handlers.onSelect(id);
      });
      map.on('mousemove', layer, (e) => {
        map.getCanvas().style.cursor = 'pointer';
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === 'string') handlers.onHover(id);
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
        handlers.onHover(undefined);
      });
    }
  }

  /** Shows exactly these places (already filtered). */
  setPlaces(features: PlaceFeatureT[], lang: Lang): void {
    const mapped = features.filter((f) => f.geometry !== null);
    const pts = mapped.filter((f) => f.geometry?.type === 'Point');
    const lines = mapped.filter((f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString');
    const areas = mapped.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    const fc = (list: PlaceFeatureT[]): GeoJSON.FeatureCollection => ({
      type: 'FeatureCollection',
      features: list.map((f) => flat(f, lang)),
    });
    (this.map.getSource('place-points') as GeoJSONSource).setData(fc(pts));
    (this.map.getSource('place-lines') as GeoJSONSource).setData(fc(lines));
    (this.map.getSource('place-areas') as GeoJSONSource).setData(fc(areas));
    (this.map.getSource('place-halos') as GeoJSONSource).setData(fc(pts.filter((f) => f.properties.precision === 'approximate')));
    this.sourceOf = new Map([
      ...pts.map((f) => [f.id, 'place-points'] as const),
      ...lines.map((f) => [f.id, 'place-lines'] as const),
      ...areas.map((f) => [f.id, 'place-areas'] as const),
    ]);
  }

  setHover(id: string | undefined): void {
    if (this.hovered) this.map.setFeatureState(this.hovered, { hover: false });
    this.hovered = undefined;
    const source = id ? this.sourceOf.get(id) : undefined;
    if (!id || !source) return;
    this.hovered = { source, id };
    this.map.setFeatureState(this.hovered, { hover: true });
  }

  select(place: PlaceFeatureT | undefined): void {
    setHighlight(this.map, place);
  }

  /** Flies to a place, or fits a set of places; a point is shown at street level, never zoomed out. */
  show(places: PlaceFeatureT[], opts: { animate?: boolean } = {}): void {
    const mapped = places.filter((p) => p.geometry !== null);
    if (mapped.length === 0) return;
    const only = mapped[0];
    const cover = this.covered();
    if (mapped.length === 1 && only?.geometry?.type === 'Point') {
      this.map.flyTo({
        center: only.geometry.coordinates as [number, number],
        zoom: Math.max(this.map.getZoom(), 15),
        padding: cover,
        essential: true,
        duration: opts.animate === false ? 0 : 900,
      });
      return;
    }
    const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: mapped } as never);
    const bounds: LngLatBoundsLike = [
      [w, s],
      [e, n],
    ];
    const pad = { top: cover.top + 60, right: cover.right + 60, bottom: cover.bottom + 60, left: cover.left + 60 };
    this.map.fitBounds(bounds, { padding: pad, maxZoom: 16, duration: opts.animate === false ? 0 : 900 });
  }

  featuresAt(point: [number, number]): MapGeoJSONFeature[] {
    return this.map.queryRenderedFeatures(point, { layers: [...INTERACTIVE_LAYERS] });
  }
}
