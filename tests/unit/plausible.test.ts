import { describe, expect, it } from 'vitest';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import { coordinateProblem } from '../../src/core/gazetteer/plausible';
import { errorOf } from './helpers';

/** Every coordinate of a geometry is checked, not only its first: a line or an area can go wrong at any vertex. */
describe('plausible coordinates: every position of a geometry', () => {
  const good = [116.37, 39.91];
  it('finds a bad vertex anywhere in a line, a ring or a multipolygon', () => {
    expect(coordinateProblem([good, [116.38, 39.92], [2.3522, 48.8566]])).toMatch(/\[2\.3522, 48\.8566\] lies outside China/);
    expect(coordinateProblem([[good, [116.38, 39.92], [0, 0], good]])).toMatch(/placeholder/);
    expect(coordinateProblem([[[good, good]], [[good, [39.92, 116.38], good]]])).toMatch(/looks like \[latitude, longitude\]/);
    expect(coordinateProblem([[good, [116.38, 39.92], good]])).toBeUndefined();
  });

  it('a gazetteer line whose last vertex is in Paris is refused with file, line and field', () => {
    const yaml = `- id: "l"\n  name: "某街"\n  name_en: "L"\n  category: "road"\n  in_xicheng: true\n  geometry: { type: LineString, coordinates: [[116.37, 39.91], [116.38, 39.91], [2.35, 48.85]] }\n  precision: "approximate"\n  uncertainty_m: 50\n  source: { kind: "estimated", ref: "t" }\n`;
    const e = errorOf(() => parseGazetteerFile(yaml, 'roads.yaml'));
    expect(e.message).toMatch(/^roads\.yaml, line 6, field "geometry[^"]*": .*\[2\.35, 48\.85\] lies outside China/);
  });
});
