import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv } from '../../src/core/analysis/export';
import { decodeFragment, describeIgnored, ITEMS_MAX, messageText, quoteForeign, VALUE_MAX } from '../../src/core/state/link';
import { parseUrlState } from '../../src/core/state/url';
import { HOSTILE } from '../hostile-corpus';

const NONE = { places: new Set<string>(), paragraphs: new Set<string>(), subdistricts: new Set<string>() };

describe('a link never stops the app (issue 16.1)', () => {
  it('decodes every fragment of the corpus without throwing, flagging the malformed ones', () => {
    expect(() => decodeURIComponent('%')).toThrow(URIError);
    expect(decodeFragment('#%')).toEqual({ value: '%', malformed: true });
    expect(decodeFragment('#%E0%A4%A')).toEqual({ value: '%E0%A4%A', malformed: true });
    // Valid escapes around an invalid one are still decoded.
    expect(decodeFragment('#%E4%B8%AD%')).toEqual({ value: '中%', malformed: true });
    expect(decodeFragment('#p1-1-1')).toEqual({ value: 'p1-1-1', malformed: false });
    expect(decodeFragment('#%E4%B8%AD')).toEqual({ value: '中', malformed: false });
    for (const h of HOSTILE.hash) expect(() => decodeFragment(h)).not.toThrow();
  });

  it('never throws on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const d = decodeFragment(s);
        return typeof d.value === 'string';
      }),
      { numRuns: 300 },
    );
  });

  it('reads every query of the corpus without throwing', () => {
    for (const q of HOSTILE.query) expect(() => parseUrlState(q, NONE)).not.toThrow();
  });
});

describe('the notice of ignored parts is capped, de-duplicated and quotes foreign text (issue 16.5)', () => {
  it('quotes every value supplied by the link as foreign, never as the app text', () => {
    const m = describeIgnored([{ param: 'place', value: '<b>x</b>', reason: 'no such place' }], 'en');
    expect(m).toContainEqual({ foreign: '<b>x</b>' });
    expect(
      m
        .filter((p) => 'text' in p)
        .map((p) => ('text' in p ? p.text : ''))
        .join(''),
    ).not.toContain('<b>');
    expect(messageText(m)).toBe('Ignored parts of the link: “place”=“<b>x</b>” (no such place)');
  });

  it('a 3.9 kB link gives a short notice: values capped, items capped, repeats collapsed', () => {
    const long = 'A'.repeat(3900);
    const { dropped } = parseUrlState(`?x=${long}&x=${long}&y=1&z=2&w=3&v=4`, NONE);
    const m = describeIgnored([...dropped, ...dropped], 'zh');
    const text = messageText(m);
    expect(text.length).toBeLessThan(400);
    expect(m.filter((p) => 'foreign' in p && p.foreign.startsWith('A'))).toHaveLength(1);
    expect(m.filter((p) => 'foreign' in p).every((p) => 'foreign' in p && [...p.foreign].length <= VALUE_MAX)).toBe(true);
    // x (once), y, z listed; w and v counted.
    expect(text).toContain('另有 2 处');
    expect(m.filter((p) => 'foreign' in p)).toHaveLength(ITEMS_MAX * 2);
  });

  it('spells out control and bidi characters so a link cannot reorder the banner', () => {
    expect(quoteForeign('\u202Egnp.exe')).toBe('U+202Egnp.exe');
    expect(quoteForeign('a\u0000b\nc')).toBe('aU+0000bU+000Ac');
    expect(quoteForeign('中'.repeat(100))).toHaveLength(VALUE_MAX);
  });
});

describe('CSV exports are inert in a spreadsheet (issue 16.2)', () => {
  it('prefixes every formula of the corpus with a quote and quotes the field', () => {
    for (const f of HOSTILE.formula) {
      const cell = csvField(f);
      const [[back]] = parseCsv(`${cell}\r\n`) as [[string]];
      // What a spreadsheet sees as the cell's first character is never a formula trigger…
      expect(back, JSON.stringify(f)).not.toMatch(/^[=+\-@\t\r]/);
      // …and the value stays readable: it is the original behind one quote, or unchanged.
      expect(back === f || back === `'${f}`).toBe(true);
    }
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('西城 =1+1')).toBe('西城 =1+1');
  });

  it('numbers stay numbers (a negative coordinate is not a formula); list items are neutralised one by one', () => {
    expect(csvField(-3.5)).toBe('-3.5');
    expect(neutraliseFormula('@x')).toBe("'@x");
    expect(csvField(['ok', '=cmd'])).toBe(`"ok; '=cmd"`);
    const rows = parseCsv(toCsv(['a'], [{ a: '+1' }, { a: 2 }]));
    expect(rows).toEqual([['a'], ["'+1"], ['2']]);
  });
});
