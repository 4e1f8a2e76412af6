import type { Map as MlMap } from 'maplibre-gl';
import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';
import type { PlaceFeatureT } from '../../../core/places/model';

interface Arc {
  id: string;
  name: string;
  from: [number, number];
  to: [number, number];
  colour: [number, number, number];
}

const hex = (h: string): [number, number, number] => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
];

type Overlay = { setProps(p: { layers: unknown[] }): void; finalize(): void };
let overlay: Overlay | undefined;

/**
 * Arcs from Xicheng to the places outside it (relocated markets, housing built elsewhere, paired
 * assistance), drawn by deck.gl's ArcLayer. deck.gl is loaded only the first time arcs are shown,
 * so it costs nothing to a visitor who never asks for them.
 */
export async function showArcs(
  map: MlMap,
  origin: [number, number],
  places: PlaceFeatureT[],
  onClick: (id: string) => void,
): Promise<void> {
  const [{ MapboxOverlay }, { ArcLayer }, { default: centroid }] = await Promise.all([
    import('@deck.gl/mapbox'),
    import('@deck.gl/layers'),
    import('@turf/centroid'),
  ]);
  const arcs: Arc[] = places
    .filter((p) => !p.properties.inXicheng && p.geometry)
    .map((p) => ({
      id: p.id,
      name: p.properties.name,
      from: origin,
      to: centroid(p as never).geometry.coordinates as [number, number],
      colour: hex(GROUP_STYLE[GROUP_OF[p.properties.category]].colour),
    }));
  const layer = new ArcLayer<Arc>({
    id: 'outside-arcs',
    data: arcs,
    getSourcePosition: (d) => d.from,
    getTargetPosition: (d) => d.to,
    getSourceColor: [155, 34, 38],
    getTargetColor: (d) => d.colour,
    getWidth: 2,
    widthUnits: 'pixels',
    getHeight: 0.5,
    pickable: true,
    onClick: (info) => {
      if (info.object) onClick(info.object.id);
    },
  });
  if (!overlay) {
    const o = new MapboxOverlay({ interleaved: false, layers: [layer] });
    map.addControl(o as never);
    overlay = o as unknown as Overlay;
  } else overlay.setProps({ layers: [layer] });
  (window as unknown as { atlasArcs?: number }).atlasArcs = arcs.length;
}

export function hideArcs(): void {
  overlay?.setProps({ layers: [] });
  (window as unknown as { atlasArcs?: number }).atlasArcs = 0;
}
