import type { Map as MlMap } from 'maplibre-gl';
import type { PlaceFeatureT } from '../../core/places/model';
import { kindOf, PLACE_SOURCES } from './layers/places';

/**
 * The hovered place (on the map or in the text) lit up on the map by feature state: no data is
 * sent to the renderer again, only the state of the features involved.
 */
export class HoverOnMap {
  private lit: Array<{ source: string; id: string }> = [];
  constructor(
    private readonly map: MlMap,
    private readonly places: ReadonlyMap<string, PlaceFeatureT>,
  ) {}

  set(id: string | undefined): void {
    for (const f of this.lit) if (this.map.getSource(f.source)) this.map.setFeatureState(f, { hover: false });
    this.lit = [];
    const place = id ? this.places.get(id) : undefined;
    const kind = place ? kindOf(place) : null;
    if (!id || !place || !kind) return;
    this.lit.push({ source: PLACE_SOURCES[kind], id });
    for (const f of this.lit) if (this.map.getSource(f.source)) this.map.setFeatureState(f, { hover: true });
  }
}
