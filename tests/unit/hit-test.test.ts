import { describe, expect, it } from 'vitest';
import { type HitCandidate, hoverTarget, resolveHit, TOLERANCE_PX } from '../../src/core/state/hit-test';

const c = (role: HitCandidate['role'], id: string, gapPx = 0, extra: Partial<HitCandidate> = {}): HitCandidate => ({
  role,
  id,
  gapPx,
  ...extra,
});

describe('resolveHit', () => {
  it('a point over its 街道 opens the point, never the 街道', () => {
    const hit = resolveHit([c('subdistrict', 'deshengjie'), c('point', 'andexinju', 2)], TOLERANCE_PX.mouse);
    expect(hit).toEqual({ kind: 'place', id: 'andexinju' });
  });

  it('a 街道 opens only where nothing else is drawn within the tolerance', () => {
    const cands = [c('subdistrict', 'deshengjie'), c('district', 'xicheng'), c('point', 'andexinju', 12)];
    expect(resolveHit(cands, TOLERANCE_PX.mouse)).toEqual({ kind: 'subdistrict', id: 'deshengjie' });
    // the same spot with a finger: the point is within 20 px
    expect(resolveHit(cands, TOLERANCE_PX.touch)).toEqual({ kind: 'place', id: 'andexinju' });
  });

  it('priority: points, then lines, then areas, then 街道, then the district', () => {
    expect(resolveHit([c('area', 'a'), c('line', 'l', 1), c('point', 'p', 4)], 6)).toEqual({ kind: 'place', id: 'p' });
    expect(resolveHit([c('area', 'a'), c('line', 'l', 5)], 6)).toEqual({ kind: 'place', id: 'l' });
    expect(resolveHit([c('district', 'x'), c('area', 'a')], 6)).toEqual({ kind: 'place', id: 'a' });
    expect(resolveHit([c('district', 'x')], 6)).toEqual({ kind: 'district', id: 'x' });
    expect(resolveHit([], 6)).toEqual({ kind: 'none' });
  });

  it('places drawn at the same spot are offered together, nearest first', () => {
    const hit = resolveHit([c('point', 'shichahai-lvdao', 0), c('point', 'shichahai', 0), c('point', 'far', 9)], 20);
    expect(hit).toEqual({ kind: 'choose', ids: ['shichahai', 'shichahai-lvdao'] });
  });

  it('a clearly nearer point wins over one merely within the tolerance', () => {
    expect(resolveHit([c('point', 'a', 0), c('point', 'b', 8)], 20)).toEqual({ kind: 'place', id: 'a' });
  });

  it('the selected place wins, but never hides a place under the pointer at the same spot', () => {
    expect(resolveHit([c('selected', 's', 0), c('point', 'p', 6)], 20)).toEqual({ kind: 'place', id: 's' });
    expect(resolveHit([c('selected', 's', 0), c('point', 's', 0), c('point', 'other', 0)], 20)).toEqual({
      kind: 'choose',
      ids: ['s', 'other'],
    });
  });

  it('the selected place offers a line drawn at its spot, as it does a point', () => {
    expect(resolveHit([c('selected', 's', 0), c('line', 'street', 2)], 20)).toEqual({ kind: 'choose', ids: ['s', 'street'] });
    expect(resolveHit([c('selected', 's', 0), c('point', 'p', 3)], 6)).toEqual({ kind: 'choose', ids: ['s', 'p'] });
    // Further than the same spot (3 px): the selection alone.
    expect(resolveHit([c('selected', 's', 0), c('line', 'street', 4)], 20)).toEqual({ kind: 'place', id: 's' });
    // An area under the selection is not offered: areas cover most of the map.
    expect(resolveHit([c('selected', 's', 0), c('area', 'block', 0)], 20)).toEqual({ kind: 'place', id: 's' });
  });

  it('a shape exactly at the tolerance is hit, one a pixel fraction beyond is not, for a finger and a mouse', () => {
    for (const tol of [TOLERANCE_PX.touch, TOLERANCE_PX.mouse]) {
      expect(resolveHit([c('point', 'p', tol)], tol)).toEqual({ kind: 'place', id: 'p' });
      expect(resolveHit([c('line', 'l', tol)], tol)).toEqual({ kind: 'place', id: 'l' });
      expect(resolveHit([c('point', 'p', tol + 0.01)], tol)).toEqual({ kind: 'none' });
    }
    expect(TOLERANCE_PX).toEqual({ touch: 20, mouse: 6 });
  });

  it('nested areas: both offered, the smaller first', () => {
    const hit = resolveHit([c('area', 'big', 0, { areaM2: 5e6 }), c('area', 'small', 0, { areaM2: 2e5 })], 6);
    expect(hit).toEqual({ kind: 'choose', ids: ['small', 'big'] });
  });

  it('an area with the very shape of its 街道 never hides the 街道: both are offered', () => {
    const hit = resolveHit([c('area', 'tianqiao', 0, { areaM2: 2.03e6 }), c('subdistrict', 'jiedao-tianqiao', 0, { areaM2: 2.03e6 })], 6);
    expect(hit).toEqual({ kind: 'choose', ids: ['tianqiao', 'jiedao-tianqiao'] });
    // A smaller area inside a 街道 is simply the area.
    expect(resolveHit([c('area', 'zhongnanhai', 0, { areaM2: 1e6 }), c('subdistrict', 'jiedao-x', 0, { areaM2: 4e6 })], 6)).toEqual({
      kind: 'place',
      id: 'zhongnanhai',
    });
  });

  it('a cluster alone zooms in; a place at the same spot beats it', () => {
    const cluster = c('point', 'cluster:7', 0, { cluster: { id: 7, at: [116.37, 39.91] } });
    expect(resolveHit([cluster], 20)).toEqual({ kind: 'cluster', clusterId: 7, at: [116.37, 39.91] });
    expect(resolveHit([cluster, c('point', 'p', 1)], 20)).toEqual({ kind: 'place', id: 'p' });
  });

  it('hover shows places only', () => {
    expect(hoverTarget({ kind: 'subdistrict', id: 'x' })).toBeUndefined();
    expect(hoverTarget({ kind: 'choose', ids: ['a', 'b'] })).toBe('a');
    expect(hoverTarget({ kind: 'place', id: 'a' })).toBe('a');
  });
});
