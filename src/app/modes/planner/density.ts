import { UNIT_CATEGORIES } from '../../../core/analysis/claims';
import { representativePoint } from '../../../core/geo/represent';
import type { PlaceFeatureT } from '../../../core/places/model';
import type { PlannerDeck } from './deck';

export type DensityKind = 'hex' | 'heat' | 'off';
export type Weight = 'mentions' | 'projects';

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

/**
 * The density layer: deck.gl HexagonLayer (sum of weights per 400 m hexagon) or HeatmapLayer
 * (kernel density), over the visible in-district sites. 街道 and the district itself are left out:
 * their point would stand for a whole area. aggregation-layers is imported on first use.
 */
export async function drawDensity(
  deck: PlannerDeck,
  kind: DensityKind,
  weight: Weight,
  places: readonly PlaceFeatureT[],
  projectCount: ReadonlyMap<string, number>,
): Promise<number> {
  if (kind === 'off') {
    deck.set('density', []);
    return 0;
  }
  const pts: Pt[] = [];
  for (const p of places) {
    if (!p.geometry || !p.properties.inXicheng || UNIT_CATEGORIES.has(p.properties.category)) continue;
    const at = representativePoint(p.geometry);
    const w = weight === 'mentions' ? p.properties.mentions : (projectCount.get(p.id) ?? 0);
    if (at && w > 0) pts.push({ id: p.id, at, w });
  }
  const { HexagonLayer, HeatmapLayer } = await import('@deck.gl/aggregation-layers');
  const layer =
    kind === 'hex'
      ? new HexagonLayer<Pt>({
          id: `planner-hex-${weight}`,
          data: pts,
          getPosition: (d) => d.at,
          getColorWeight: (d) => d.w,
          colorAggregation: 'SUM',
          getElevationWeight: (d) => d.w,
          elevationAggregation: 'SUM',
          radius: HEX_RADIUS_M,
          coverage: 0.92,
          extruded: false,
          opacity: 0.55,
          colorRange: DENSITY_RAMP,
          pickable: false,
        })
      : new HeatmapLayer<Pt>({
          id: `planner-heat-${weight}`,
          data: pts,
          getPosition: (d) => d.at,
          getWeight: (d) => d.w,
          radiusPixels: 40,
          intensity: 1,
          threshold: 0.05,
          colorRange: DENSITY_RAMP,
        });
  deck.set('density', [layer]);
  return pts.length;
}
