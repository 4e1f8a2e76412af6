import { describe, expect, it } from 'vitest';
import { checkGazetteer, parseGazetteerFile } from '../../src/core/gazetteer/load';
import { errorOf } from './helpers';

const good = `- id: "beijingfang"
  name: "北京坊"
  aliases: ["北京坊"]
  name_en: "Beijing Fun"
  category: "commercial"
  in_xicheng: true
  geometry: { type: Point, coordinates: [116.3925, 39.8975] }
  precision: "approximate"
  uncertainty_m: 150
  source:
    kind: "estimated"
    ref: "test"
`;

describe('malformed gazetteer records stop the build with file, line and field', () => {
  it('accepts a well-formed record', () => {
    expect(parseGazetteerFile(good, 'g.yaml')[0]?.record.id).toBe('beijingfang');
  });

  it('a missing required field', () => {
    const e = errorOf(() => parseGazetteerFile(good.replace('  name_en: "Beijing Fun"\n', ''), 'g.yaml'));
    expect([e.file, e.line, e.field]).toEqual(['g.yaml', 1, 'name_en']);
  });

  it('an approximate place without its uncertainty', () => {
    const e = errorOf(() => parseGazetteerFile(good.replace('  uncertainty_m: 150\n', ''), 'g.yaml'));
    expect(e.field).toBe('uncertainty_m');
    expect(e.message).toMatch(/g\.yaml, line \d+, field "uncertainty_m": record "beijingfang": approximate places need uncertainty_m/);
  });

  it('a coordinate out of range, pointing at the geometry line', () => {
    const e = errorOf(() => parseGazetteerFile(good.replace('116.3925', '516.3925'), 'g.yaml'));
    expect(e.line).toBe(7);
    expect(e.field).toBe('geometry.coordinates[0]');
  });

  it('an unknown category, a non-ASCII id, an unknown field', () => {
    expect(errorOf(() => parseGazetteerFile(good.replace('"commercial"', '"shop"'), 'g.yaml')).field).toBe('category');
    expect(errorOf(() => parseGazetteerFile(good.replace('"beijingfang"', '"北京坊"'), 'g.yaml')).field).toBe('id');
    expect(errorOf(() => parseGazetteerFile(good.replace('  precision:', '  colour: red\n  precision:'), 'g.yaml')).message).toMatch(
      /colour/,
    );
  });

  it('broken YAML names its line', () => {
    const e = errorOf(() => parseGazetteerFile(good.replace('aliases: ["北京坊"]', 'aliases: ["北京坊"'), 'g.yaml'));
    expect(e.message).toMatch(/invalid YAML/);
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('one alias naming two places, and references to unknown ids', () => {
    const two = parseGazetteerFile(good, 'a.yaml').concat(parseGazetteerFile(good.replace('"beijingfang"', '"other"'), 'b.yaml'));
    expect(errorOf(() => checkGazetteer(two)).message).toMatch(/alias "北京坊" names both "beijingfang" \(a\.yaml line 1\) and "other"/);
    const rel = parseGazetteerFile(good.replace('  source:', '  related: ["nowhere"]\n  source:'), 'c.yaml');
    expect(errorOf(() => checkGazetteer(rel)).message).toMatch(/related names unknown id "nowhere"/);
  });
});
