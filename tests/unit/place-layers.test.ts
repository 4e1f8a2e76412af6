import { describe, expect, it } from 'vitest';
import { categoriesWithInk, ICON_INKS } from '../../src/app/map/layers/place-style';
import { CATEGORIES } from '../../src/core/gazetteer/model';

describe('place icon layers', () => {
  it('draw every category’s icon in exactly one ink, so no point loses its character or gets two', () => {
    const drawn = ICON_INKS.flatMap(([, ink]) => categoriesWithInk(ink));
    expect([...drawn].sort()).toEqual([...CATEGORIES].sort());
  });
});
