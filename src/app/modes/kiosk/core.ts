import type { PlaceFeatureT } from '../../../core/places/model';
import { serializeUrlState, type UrlState } from '../../../core/state/url';

/**
 * The parts of kiosk mode that need no DOM: which places the attract tour visits, what the QR
 * code says, and what an idle screen does next. Kept apart so they can be unit-tested in node.
 */

export interface KioskTimings {
  /** An untouched start screen starts the attract tour after this long. */
  attractMs: number;
  /** A screen someone has used returns to the start after this long without a touch… */
  resetMs: number;
  /** …showing a countdown for this long first (WCAG 2.2.1: at least 20 s to extend). */
  warnMs: number;
  /** How long the tour stays on each place. */
  dwellMs: number;
  /** How long the tour shows the start view before its first place. */
  leadMs: number;
}

export const DEFAULT_TIMINGS: Readonly<KioskTimings> = {
  attractMs: 30_000,
  resetMs: 90_000,
  warnMs: 20_000,
  dwellMs: 9_000,
  leadMs: 2_500,
};

/**
 * home: the start screen, untouched since load or the last reset · attract: the tour is running ·
 * active: someone is using the screen · warning: the reset countdown is showing.
 */
export type KioskPhase = 'home' | 'attract' | 'active' | 'warning';
export type IdleAction = 'none' | 'start-tour' | 'warn' | 'reset';

/** What the idle clock asks for, given the phase and how long nobody has touched the screen. */
export function idleAction(phase: KioskPhase, idleMs: number, t: KioskTimings): IdleAction {
  switch (phase) {
    case 'home':
      return idleMs >= t.attractMs ? 'start-tour' : 'none';
    case 'active':
      if (idleMs >= t.resetMs) return 'reset';
      return idleMs >= t.resetMs - t.warnMs ? 'warn' : 'none';
    case 'warning':
      return idleMs >= t.resetMs ? 'reset' : 'none';
    case 'attract':
      return 'none';
  }
}

/** Whole seconds left on the countdown, never below 1 while it shows. */
export function secondsLeft(idleMs: number, t: KioskTimings): number {
  return Math.max(1, Math.ceil((t.resetMs - idleMs) / 1000));
}

const NOT_A_SITE = new Set(['district', 'subdistrict', 'region', 'event', 'organisation']);

/**
 * The places the attract tour visits: the report's most-mentioned places that are sites in
 * Xicheng (not the district itself, not a 街道, not an event), most-mentioned first.
 */
export function tourPlaces(places: readonly PlaceFeatureT[], count = 12): PlaceFeatureT[] {
  return places
    .filter(
      (p) =>
        p.geometry !== null &&
        p.properties.inXicheng &&
        !NOT_A_SITE.has(p.properties.category) &&
        p.properties.precision !== 'district-wide' &&
        p.properties.precision !== 'no-site' &&
        p.properties.mentions > 0,
    )
    .sort((a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'))
    .slice(0, count);
}

/**
 * The link a phone opens to carry on where the kiosk is: the same place, paragraph, filters and
 * view, in the normal (explore) mode. `base` is the public address of the app (origin + path).
 * The result is plain ASCII, so any QR byte encoding carries it unchanged.
 */
export function phoneUrl(state: UrlState, base: string): string {
  const url = new URL(base);
  url.search = serializeUrlState({ ...state, mode: 'explore' });
  url.hash = '';
  return url.href;
}

/**
 * The deployment's public address (origin + path) for the QR code, as configured at build
 * (atlas.config.json `publicUrl`), or null: with none configured, or one that is not an absolute
 * http(s) address, the kiosk shows no QR code rather than a link to itself a phone cannot open.
 */
export function publicBase(configured: string | null | undefined): string | null {
  if (!configured?.trim()) return null;
  try {
    const u = new URL(configured.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return `${u.origin}${u.pathname}`;
  } catch {
    // not an absolute address
  }
  return null;
}
