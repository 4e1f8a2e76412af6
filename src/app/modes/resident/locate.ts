import type { LngLat } from '../../../core/geo/sphere';
import type { ResidentString } from './strings';

/** How long the browser may take to locate, and a watchdog in case it never answers at all. */
const GEO_TIMEOUT_MS = 10_000;
const GEO_WATCHDOG_MS = GEO_TIMEOUT_MS + 3_000;

export type Located = { ok: true; at: LngLat } | { ok: false; why: ResidentString };

/**
 * The device's position, once: resolves with it, or with why there is none (permission denied,
 * unavailable, timed out, or a browser that never answers a prompt that was ignored).
 */
export function locateOnce(): Promise<Located> {
  if (!('geolocation' in navigator) || !navigator.geolocation) return Promise.resolve({ ok: false, why: 'errUnavailable' });
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Located) => {
      if (settled) return;
      settled = true;
      window.clearTimeout(watchdog);
      resolve(r);
    };
    const watchdog = window.setTimeout(() => done({ ok: false, why: 'errTimeout' }), GEO_WATCHDOG_MS);
    navigator.geolocation.getCurrentPosition(
      (pos) => done({ ok: true, at: { lng: pos.coords.longitude, lat: pos.coords.latitude } }),
      // GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout
      (err) => done({ ok: false, why: err.code === 1 ? 'errDenied' : err.code === 3 ? 'errTimeout' : 'errUnavailable' }),
      { enableHighAccuracy: true, timeout: GEO_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}
