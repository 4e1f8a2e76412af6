import type { Map as MlMap } from 'maplibre-gl';

/** Adds a layer under everything but the background, so layers added later always sit on top. */
export function addLayerBelowContent(map: MlMap, layer: Parameters<MlMap['addLayer']>[0]): void {
  const layers = map.getStyle().layers;
  const first = layers.find((l) => l.type !== 'background' && !l.id.startsWith('basemap-'));
  map.addLayer(layer, first?.id);
}
