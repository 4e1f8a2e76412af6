import { UNIT_CATEGORIES } from '../../../core/analysis/claims';
import { representativePoint } from '../../../core/geo/represent';
import type { PlaceFeatureT } from '../../../core/places/model';
import type { PlannerOptions } from '../../../core/state/planner';
import type { DeckOverlay } from '../../map/deck';

interface Pt {
  id: string;
  at: [number, number];
  w: number;
}

/** Sequential ramp shared by the hexagons and the legend (ColorBrewer YlOrRd, 6 classes). */
export const DENSITY_RAMP: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];
export const HEX_RADIUS_M = 400;

/** The sites the density counts: visible in-district places with a geometry, weighted; 街道 and the district left out (their point would stand for an area). */
export function densityPoints(
  places: readonly PlaceFeatureT[],
  weight: PlannerOptions['weight'],
  projectCount: ReadonlyMap<string, number>,
): Pt[] {
  const pts: Pt[] = [];
  for (const p of places) {
    if (!p.geometry || !p.properties.inXicheng || UNIT_CATEGORIES.has(p.properties.category)) continue;
    const at = p.properties.label ?? representativePoint(p.geometry);
    const w = weight === 'mentions' ? p.properties.mentions : (projectCount.get(p.id) ?? 0);
    if (at && w > 0) pts.push({ id: p.id, at, w });
  }
  return pts;
}

/**
 * The density layer in the map's deck.gl overlay: HexagonLayer (sum of weights per 400 m
 * hexagon) or HeatmapLayer (kernel density), at the opacity the layer list sets (0 = off).
 * aggregation-layers is imported on first use.
 */
export async function drawDensity(deck: DeckOverlay, o: PlannerOptions, pts: Pt[]): Promise<void> {
  if (o.opacity.density === 0 || pts.length === 0) return deck.set('density', []);
  const { HexagonLayer, HeatmapLayer } = await import('@deck.gl/aggregation-layers');
  const layer =
    o.density === 'hex'
      ? new HexagonLayer<Pt>({
          id: `planner-hex-${o.weight}`,
          data: pts,
          getPosition: (d) => d.at,
          getColorWeight: (d) => d.w,
          colorAggregation: 'SUM',
          getElevationWeight: (d) => d.w,
          elevationAggregation: 'SUM',
          radius: HEX_RADIUS_M,
          coverage: 0.92,
          extruded: false,
          opacity: o.opacity.density,
          colorRange: DENSITY_RAMP,
          pickable: false,
        })
      : new HeatmapLayer<Pt>({
          id: `planner-heat-${o.weight}`,
          data: pts,
          getPosition: (d) => d.at,
          getWeight: (d) => d.w,
          radiusPixels: 40,
          intensity: 1,
          threshold: 0.05,
          opacity: o.opacity.density,
          colorRange: DENSITY_RAMP,
        });
  await deck.set('density', [layer]);
}
