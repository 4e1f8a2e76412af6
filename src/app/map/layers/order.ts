import type { Map as MlMap } from 'maplibre-gl';

/** The report's own layers (places, selection), which everything drawn for context stays under. */
const CONTENT = /^(place-|selection-)/;

/**
 * The id to insert a context layer before so that it lands under the report's places, or
 * undefined (on top) while there are none yet: the district outline and the places load
 * independently, and either may be added first.
 */
export function belowPlaces(map: MlMap): string | undefined {
  return map.getStyle().layers.find((l) => CONTENT.test(l.id))?.id;
}
