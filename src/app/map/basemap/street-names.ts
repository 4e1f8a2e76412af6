import type { StreetNameCollectionT } from '../../../core/geo/ground';
import type { LayerGroup } from '../compose';
import { type BasemapPalette, streetLabelLayout } from './palette';

/**
 * Names of the main streets along their line (the road network itself has no names: each name was
 * routed onto it between cited end points, geodata/ground/streets.yaml). CJK glyphs are drawn by
 * the browser from local fonts (localIdeographFontFamily), so nothing is fetched for them.
 */
export function streetNames(data: StreetNameCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-street-names';
  return {
    sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      {
        id: 'basemap-street-names',
        type: 'symbol',
        source,
        minzoom: 13,
        layout: streetLabelLayout(350),
        paint: { 'text-color': p.roadLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
