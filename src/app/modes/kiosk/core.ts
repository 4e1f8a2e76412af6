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

/** The time the kiosk's idle clock and tour run on: the page's own, or a manual one in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(fn: () => void, ms: number): number;
}

/**
 * A clock that moves only when told to: a test advances it and sees exactly which timers fire
 * (and that none does when nothing should happen), without waiting for real time.
 */
export class ManualClock implements Clock {
  private t = 0;
  private next = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void; every?: number }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  setInterval(fn: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.t + Math.max(1, ms), fn, every: Math.max(1, ms) });
    return id;
  }
  clearTimeout(id: number): void {
    this.timers.delete(id);
  }
  /** Moves time forward by ms, firing every timer that falls due on the way, in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void; every?: number }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!due || e[1].at < due[1].at)) due = e;
      if (!due) break;
      const [id, timer] = due;
      this.t = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.timers.delete(id);
      timer.fn();
    }
    this.t = end;
  }
}

/** The page's own clock. */
export const PAGE_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
};
