import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMINGS, idleAction, phoneUrl, publicBase, secondsLeft, tourPlaces } from '../../src/app/modes/kiosk/core';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { EMPTY_FILTERS } from '../../src/core/state/filters';
import { DEFAULT_STATE, parseUrlState } from '../../src/core/state/url';
import { ROOT } from './helpers';

const places = parseJsonWithSchema(readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8'), 'places', PlacesCollection).features;

describe('kiosk idle clock', () => {
  const t = { ...DEFAULT_TIMINGS, attractMs: 10, resetMs: 100, warnMs: 20 };
  it('starts the tour from an untouched start screen, and never resets it', () => {
    expect(idleAction('home', 9, t)).toBe('none');
    expect(idleAction('home', 10, t)).toBe('start-tour');
    expect(idleAction('home', 1e9, t)).toBe('start-tour');
  });
  it('warns, then resets, a screen someone used', () => {
    expect(idleAction('active', 79, t)).toBe('none');
    expect(idleAction('active', 80, t)).toBe('warn');
    expect(idleAction('warning', 99, t)).toBe('none');
    expect(idleAction('warning', 100, t)).toBe('reset');
    expect(idleAction('active', 100, t)).toBe('reset');
  });
  it('leaves a running tour alone', () => {
    expect(idleAction('attract', 1e9, t)).toBe('none');
  });
  it('counts down in whole seconds', () => {
    const d = DEFAULT_TIMINGS;
    expect(secondsLeft(d.resetMs - d.warnMs, d)).toBe(20);
    expect(secondsLeft(d.resetMs - 10, d)).toBe(1);
    expect(secondsLeft(d.resetMs + 500, d)).toBe(1);
  });
  it('gives at least 20 s to extend the session (WCAG 2.2.1)', () => {
    expect(DEFAULT_TIMINGS.warnMs).toBeGreaterThanOrEqual(20_000);
    expect(DEFAULT_TIMINGS.resetMs).toBeGreaterThan(DEFAULT_TIMINGS.warnMs);
  });
});

describe('kiosk attract tour', () => {
  it('visits mapped sites in Xicheng, most-mentioned first', () => {
    const tour = tourPlaces(places);
    expect(tour.length).toBeGreaterThanOrEqual(6);
    for (const p of tour) {
      expect(p.geometry).not.toBeNull();
      expect(p.properties.inXicheng).toBe(true);
      expect(['district', 'subdistrict', 'region', 'event', 'organisation']).not.toContain(p.properties.category);
    }
    const counts = tour.map((p) => p.properties.mentions);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });
});

describe('kiosk QR link', () => {
  it('is this state in explore mode, on the public address, in ASCII', () => {
    const state = {
      ...DEFAULT_STATE,
      mode: 'kiosk' as const,
      place: 'shichahai',
      filters: { ...EMPTY_FILTERS, subdistrict: new Set(['什刹海街道']) },
      view: { lng: 116.38, lat: 39.94, zoom: 15 },
    };
    const url = phoneUrl(state, 'https://atlas.example.gov.cn/xicheng/');
    expect(url).toMatch(/^[\x20-\x7e]+$/);
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://atlas.example.gov.cn/xicheng/');
    expect(u.searchParams.get('mode')).toBeNull();
    const back = parseUrlState(u.search, {
      places: new Set(['shichahai']),
      paragraphs: new Set(),
      subdistricts: new Set(['什刹海街道']),
    });
    expect(back.dropped).toEqual([]);
    expect(back.state.mode).toBe('explore');
    expect(back.state.place).toBe('shichahai');
    expect([...back.state.filters.subdistrict]).toEqual(['什刹海街道']);
    expect(back.state.view?.zoom).toBe(15);
  });
  it('uses the public address configured at build, and none at all without one (no dead local link)', () => {
    expect(publicBase(null)).toBeNull();
    expect(publicBase('  ')).toBeNull();
    expect(publicBase('https://atlas.example.gov.cn/xicheng/?x=1#y')).toBe('https://atlas.example.gov.cn/xicheng/');
    expect(publicBase('javascript:alert(1)')).toBeNull();
    expect(publicBase('/atlas/')).toBeNull();
  });
});

describe('ManualClock', () => {
  it('fires timers in time order as it advances, intervals repeatedly, and nothing it was not due', async () => {
    const { ManualClock } = await import('../../src/app/modes/kiosk/core');
    const c = new ManualClock();
    const log: string[] = [];
    c.setTimeout(() => log.push(`b@${c.now()}`), 300);
    c.setTimeout(() => log.push(`a@${c.now()}`), 100);
    const tick = c.setInterval(() => log.push(`i@${c.now()}`), 200);
    const cancelled = c.setTimeout(() => log.push('never'), 150);
    c.clearTimeout(cancelled);
    c.advance(250);
    expect(log).toEqual(['a@100', 'i@200']);
    c.advance(200);
    expect(log).toEqual(['a@100', 'i@200', 'b@300', 'i@400']);
    c.clearTimeout(tick);
    c.advance(1000);
    expect(log).toHaveLength(4);
    expect(c.now()).toBe(1450);
  });
});
