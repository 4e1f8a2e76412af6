/**
 * Which basemap the map drew, for the parts of the page that describe it (legend, credits). It is
 * only known once the map has loaded, so it starts as the embedded default.
 */
export type BasemapKind = 'default' | 'osm' | 'provider';

let active: BasemapKind = 'default';

export function activeBasemap(): BasemapKind {
  return active;
}

export function setActiveBasemap(kind: BasemapKind): void {
  active = kind;
}
