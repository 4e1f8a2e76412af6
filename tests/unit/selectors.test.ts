import { describe, expect, it } from 'vitest';
import type { PlaceFeatureT } from '../../src/core/places/model';
import { EMPTY_FILTERS } from '../../src/core/state/filters';
import { createSelectors } from '../../src/core/state/selectors';

const place = (id: string, inXicheng: boolean, category = 'market') =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [116.37, 39.91] },
    properties: { inXicheng, category, themes: [], phases: [], subdistricts: [], precision: 'exact' },
  }) as unknown as PlaceFeatureT;

describe('the state selectors', () => {
  const places = [place('in', true), place('out', false)];
  it('scope: Xicheng only, or every place once the outside places are on', () => {
    const s = createSelectors({ places, subdistrictNames: [] });
    expect(s.inScope({ outside: false }).map((p) => p.id)).toEqual(['in']);
    expect(s.inScope({ outside: true }).map((p) => p.id)).toEqual(['in', 'out']);
  });
  it('answers stay the same arrays while asked in turn for both scopes (the search asks for all, the map for Xicheng)', () => {
    const s = createSelectors({ places, subdistrictNames: [] });
    const xicheng = s.inScope({ outside: false });
    const visible = s.visible({ outside: false, filters: EMPTY_FILTERS });
    s.inScope({ outside: true });
    expect(s.inScope({ outside: false })).toBe(xicheng);
    expect(s.visible({ outside: false, filters: EMPTY_FILTERS })).toBe(visible);
  });
  it('visible follows the filters: new filters, a new answer', () => {
    const s = createSelectors({ places: [place('a', true, 'market'), place('b', true, 'heritage')], subdistrictNames: [] });
    const cat = { ...EMPTY_FILTERS, category: new Set(['heritage']) } as typeof EMPTY_FILTERS;
    expect(s.visible({ outside: false, filters: cat }).map((p) => p.id)).toEqual(['b']);
  });
});
