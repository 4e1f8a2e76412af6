import './kiosk.css';
import { EMPTY_FILTERS } from '../../../core/state/filters';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { expose, TEST_HOOKS } from '../../test-hooks';
import type { AppContext, ModeView } from '../context';
import {
  type Clock,
  DEFAULT_TIMINGS,
  idleAction,
  type KioskPhase,
  type KioskTimings,
  ManualClock,
  PAGE_CLOCK,
  publicBase,
  secondsLeft,
  tourPlaces,
} from './core';
import { createHome } from './home';
import { lockDown } from './lockdown';
import { mountOverlays } from './overlays';
import { mountPicker } from './picker';
import { mountQr } from './qr';
import { kt } from './strings';
import { createTour } from './tour';

declare const __ATLAS_PUBLIC_URL__: string | null | undefined;

/** What a test build exposes of the kiosk (window.atlasKiosk). */
export interface KioskHook {
  /** The live timings; setTimings changes them (tests shorten them) and restarts the idle clock. */
  timings: KioskTimings;
  setTimings(t: Partial<KioskTimings>): void;
  phase(): KioskPhase;
  /** The places the attract tour visits, in order. */
  tourIds: string[];
  /** Every place the tour has shown so far, in order. */
  visited(): string[];
  /** The text last encoded in the QR code ('' without a public address). */
  qrText(): string;
  /** How many times the screen has reset itself. */
  resets(): number;
  /** With a manual clock (window.__atlasKioskClock = 'manual' before load): moves it forward. */
  advance(ms: number): void;
}

const FIND_TAB = 'kiosk-find';
const TICK_MS = 200;

/** Puts away whatever a visitor left open: dialogs, the legend, notices, the chooser, the report's marks and scroll. */
function clearScreen(): void {
  for (const id of ['about', 'legend', 'notice', 'chooser']) {
    const x = document.getElementById(id);
    if (x) x.hidden = true;
  }
  document.getElementById('btn-legend')?.setAttribute('aria-expanded', 'false');
  const report = document.getElementById('report');
  if (!report) return;
  report.scrollTop = 0;
  for (const a of report.querySelectorAll('.is-target, .is-reading')) a.classList.remove('is-target', 'is-reading');
}

/**
 * Kiosk mode (?mode=kiosk): an unattended touch screen in a government service hall. Large
 * targets, no keyboard (a picker of categories and places), the dark high-contrast theme (the
 * map's layers are a function of the mode), an attract tour when nobody is using it, a reset after
 * a session goes idle, and a QR code that carries the current view to a visitor's phone.
 */
export function createKioskView(ctx: AppContext): ModeView {
  const { store, data, map } = ctx;
  const launch: UrlState = { ...store.get() };
  const timings: KioskTimings = { ...DEFAULT_TIMINGS };
  // A test build can run the idle clock and the tour on a manual clock, set before the page loads.
  const manual =
    TEST_HOOKS && (window as unknown as { __atlasKioskClock?: string }).__atlasKioskClock === 'manual' ? new ManualClock() : undefined;
  const clock: Clock = manual ?? PAGE_CLOCK;
  let phase: KioskPhase = 'home';
  let lastInput = clock.now();
  let resets = 0;
  // The idle clock starts once the map has drawn everything: no tour while a slow PC still loads.
  let loaded = false;
  map.once('idle', () => {
    loaded = true;
    lastInput = clock.now();
  });
  map.triggerRepaint();
  lockDown();

  const findBtn = el('button', { type: 'button', id: 'btn-kiosk-find', class: 'btn kiosk-find-btn' });
  findBtn.onclick = () => ctx.ui.showTab(FIND_TAB);
  ctx.ui.topbar.querySelector('.top-actions')?.before(findBtn);
  const pickerHost = ctx.ui.addTab(FIND_TAB, () => kt('find'));
  pickerHost.classList.add('kiosk-picker');
  const picker = mountPicker(pickerHost, data.places.features, (id) => ctx.select(id));
  const qr = mountQr(ctx.ui.mapPanel, publicBase(typeof __ATLAS_PUBLIC_URL__ === 'undefined' ? null : __ATLAS_PUBLIC_URL__));
  const overlays = mountOverlays(() => onInput());

  const tour = createTour({
    clock,
    timings,
    ids: tourPlaces(data.places.features).map((p) => p.id),
    visible: () => ctx.selectors.visibleIds(store.get()),
    visit: (id) => {
      home.release();
      ctx.select(id);
    },
  });
  const home = createHome(map, data, launch.view);
  const startTour = () => {
    phase = 'attract';
    document.body.dataset.kioskTour = 'on';
    overlays.showTour();
    tour.start();
  };
  const stopTour = () => {
    tour.stop();
    delete document.body.dataset.kioskTour;
  };
  const reset = () => {
    stopTour();
    delete document.body.dataset.kioskWarning;
    overlays.hideWarning();
    // The launch state again: no place, no filter, the launch language and toggles.
    const { story, outside, lang } = launch;
    const start = { place: undefined, paragraph: undefined, filters: EMPTY_FILTERS, near: undefined, radius: undefined };
    store.set({ ...start, story, outside, lang, mode: 'kiosk' }, { push: false });
    clearScreen();
    picker.render(true);
    ctx.ui.showTab(FIND_TAB);
    home.go();
    (document.activeElement as HTMLElement | null)?.blur?.();
    resets++;
    ctx.announce(kt('home'));
  };

  // --- the idle clock ------------------------------------------------------------------------
  const onInput = () => {
    lastInput = clock.now();
    home.release();
    if (phase === 'attract') {
      stopTour();
      overlays.dismissTour();
    } else if (phase === 'warning') {
      delete document.body.dataset.kioskWarning;
      overlays.dismissWarning();
    }
    phase = 'active';
  };
  for (const type of ['pointerdown', 'pointermove', 'touchstart', 'wheel', 'keydown'])
    window.addEventListener(type, onInput, { capture: true, passive: true });
  clock.setInterval(() => {
    if (!loaded) return;
    const idle = clock.now() - lastInput;
    // Should anything take the screen out of kiosk mode, an idle spell still brings it back.
    const action = store.get().mode === 'kiosk' ? idleAction(phase, idle, timings) : idle >= timings.resetMs ? 'reset' : 'none';
    if (action === 'start-tour') startTour();
    else if (action === 'reset') {
      reset();
      startTour();
    } else if (action === 'warn') {
      phase = 'warning';
      document.body.dataset.kioskWarning = 'on';
      overlays.showWarning(secondsLeft(idle, timings));
    } else if (phase === 'warning') overlays.countdown(secondsLeft(idle, timings));
  }, TICK_MS);

  if (TEST_HOOKS) {
    const hook: KioskHook = {
      timings,
      setTimings(t) {
        Object.assign(timings, t);
        lastInput = clock.now();
      },
      phase: () => phase,
      tourIds: tourPlaces(data.places.features).map((p) => p.id),
      visited: tour.visited,
      qrText: () => qr.text(),
      resets: () => resets,
      advance: (ms) => manual?.advance(ms),
    };
    expose('atlasKiosk', hook);
  }
  ctx.ui.showTab(FIND_TAB);
  return {
    update(s, prev, changed) {
      if (!prev || changed.has('lang')) {
        findBtn.textContent = kt('find');
        overlays.paint();
        picker.render();
      }
      if (!prev || changed.has('place')) picker.select(s.place);
      qr.update(s);
    },
    // A kiosk does not leave its mode: an idle spell brings it back (see the clock above).
    leave: () => undefined,
  };
}
