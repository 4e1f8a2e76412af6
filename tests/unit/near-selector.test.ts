import { describe, expect, it } from 'vitest';
import { buildNearIndex } from '../../src/core/near/index';
import { createNearSelector } from '../../src/core/state/near';

describe('the near-me selector', () => {
  const index = buildNearIndex([
    { id: 'a', geometry: { type: 'Point', coordinates: [116.37, 39.91] } },
    { id: 'b', geometry: { type: 'Point', coordinates: [116.371, 39.91] } },
    { id: 'far', geometry: { type: 'Point', coordinates: [116.45, 39.95] } },
  ]);
  it('lists the places within the radius that the filters leave, and counts those they hide', () => {
    const near = createNearSelector(index);
    const r = near(116.37, 39.91, 500, new Set(['a']));
    expect(r.hits.map((h) => h.id)).toEqual(['a']);
    expect(r.hidden).toBe(1);
  });
  it('is memoised: the same inputs give the same object (nothing is recomputed on a pan)', () => {
    const near = createNearSelector(index);
    const visible = new Set(['a', 'b']);
    expect(near(116.37, 39.91, 500, visible)).toBe(near(116.37, 39.91, 500, visible));
    expect(near(116.37, 39.91, 500, new Set(['a', 'b']))).not.toBe(near(116.37, 39.91, 500, visible));
  });
});
