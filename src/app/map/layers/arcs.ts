import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';
import type { PlaceFeatureT } from '../../../core/places/model';
import type { DeckOverlay } from '../deck';

interface Arc {
  id: string;
  from: [number, number];
  to: [number, number];
  colour: [number, number, number];
}

const hex = (h: string): [number, number, number] => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
];

/**
 * Arcs from Xicheng to the places outside it that are shown (relocated markets, housing built
 * elsewhere, paired assistance), drawn by deck.gl's ArcLayer in the map's one overlay. They follow
 * the outside toggle and the filters: the places passed in are exactly those on the map.
 */
export async function drawArcs(
  deck: DeckOverlay,
  origin: [number, number],
  places: readonly PlaceFeatureT[],
  onClick: (id: string) => void,
): Promise<number> {
  const arcs: Arc[] = places
    .filter((p) => !p.properties.inXicheng && p.properties.label)
    .map((p) => ({
      id: p.id,
      from: origin,
      to: p.properties.label as [number, number],
      colour: hex(GROUP_STYLE[GROUP_OF[p.properties.category]].colour),
    }));
  if (arcs.length === 0) {
    await deck.set('arcs', []);
    return 0;
  }
  const { ArcLayer } = await import('@deck.gl/layers');
  await deck.set('arcs', [
    new ArcLayer<Arc>({
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
    }),
  ]);
  return arcs.length;
}
