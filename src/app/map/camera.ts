import bbox from '@turf/bbox';
import type { LngLatBoundsLike, Map as MlMap } from 'maplibre-gl';
import type { PlaceFeatureT } from '../../core/places/model';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The part of the map hidden by panels floating over it (the place card, a phone's bottom sheet,
 * the kiosk's QR box): a place flown to must land in the part left visible.
 */
export function coveredPadding(mapEl: HTMLElement, covers: readonly (HTMLElement | null)[]): Padding {
  const m = mapEl.getBoundingClientRect();
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const el of covers) {
    if (!el || el.hidden) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= m.top || r.top >= m.bottom || r.right <= m.left || r.left >= m.right) continue;
    // A panel as wide as the map covers its bottom or top (a phone's sheet, the card on a phone); a
    // narrower one the side its centre is on (the card on the right, the kiosk's QR box on the left).
    if (r.width > m.width * 0.8) {
      if (r.top + r.height / 2 > m.top + m.height / 2) pad.bottom = Math.max(pad.bottom, m.bottom - r.top);
      else pad.top = Math.max(pad.top, r.bottom - m.top);
    } else if (r.left + r.width / 2 > m.left + m.width / 2) pad.right = Math.max(pad.right, m.right - r.left);
    else pad.left = Math.max(pad.left, r.right - m.left);
  }
  pad.top = Math.min(pad.top, m.height * 0.6);
  pad.bottom = Math.min(pad.bottom, m.height * 0.7);
  pad.right = Math.min(pad.right, m.width * 0.7);
  pad.left = Math.min(pad.left, m.width * 0.7);
  return pad;
}

/** Moves the map to places: a single point at street level (never zoomed out), anything else fitted. */
export class Camera {
  constructor(
    private readonly map: MlMap,
    private readonly covered: () => Padding,
  ) {}

  /** Places of the atlas, or anything else with a geometry in the map's CRS (an opened report's places). */
  show(
    places: ReadonlyArray<Pick<PlaceFeatureT, 'geometry'> | { geometry: GeoJSON.Geometry | null }>,
    opts: { animate?: boolean; maxZoom?: number } = {},
  ): void {
    const mapped = places.filter((p) => p.geometry !== null);
    if (mapped.length === 0) return;
    const cover = this.covered();
    const only = mapped[0];
    const duration = opts.animate === false ? 0 : 900;
    if (mapped.length === 1 && only?.geometry?.type === 'Point') {
      this.map.flyTo({
        center: only.geometry.coordinates as [number, number],
        zoom: Math.max(this.map.getZoom(), 15),
        padding: cover,
        essential: true,
        duration,
      });
      return;
    }
    const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: mapped } as never);
    const bounds: LngLatBoundsLike = [
      [w, s],
      [e, n],
    ];
    const pad = { top: cover.top + 60, right: cover.right + 60, bottom: cover.bottom + 60, left: cover.left + 60 };
    this.map.fitBounds(bounds, { padding: pad, maxZoom: opts.maxZoom ?? 16, duration });
  }
}
