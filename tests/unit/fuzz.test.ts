import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import { SubdistrictCollection } from '../../src/core/geo/boundaries';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { decodeReportBytes } from '../../src/core/report/decode';
import { parseReport, readReport } from '../../src/core/report/parse';
import { KNOWN_PARAMS, parseUrlState, serializeUrlState } from '../../src/core/state/url';
import { REPORT_FIXTURE } from './helpers';

/** Bad input may be refused, but only with an InputError that names where; never a crash. */
function onlyInputErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.file.length).toBeGreaterThan(0);
  }
}

const reportText = readFileSync(REPORT_FIXTURE, 'utf8');
const lines = reportText.split('\n');

describe('generated bad input: clear errors, no crashes', () => {
  it('report: lines deleted, duplicated or swapped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'cut'), fc.nat(lines.length - 1), fc.nat(lines.length - 1)), {
          maxLength: 6,
        }),
        (ops) => {
          let ls = [...lines];
          for (const [op, i, j] of ops) {
            if (op === 'drop') ls.splice(i % ls.length, 1);
            if (op === 'dup') ls.splice(i % ls.length, 0, ls[i % ls.length] ?? '');
            if (op === 'swap') [ls[i % ls.length], ls[j % ls.length]] = [ls[j % ls.length] ?? '', ls[i % ls.length] ?? ''];
            if (op === 'cut') ls = ls.slice(0, Math.max(1, i % ls.length));
          }
          onlyInputErrors(() => parseReport(ls.join('\n'), { file: 'fuzz.txt' }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('report: arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        onlyInputErrors(() => parseReport(decodeReportBytes(bytes, 'bytes.txt'), { file: 'bytes.txt' }));
      }),
      { numRuns: 300 },
    );
  });

  it('report: a saved page with arbitrary markup around and inside the text', () => {
    const body = lines.slice(8, 30).join('\n');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.nat(body.length),
        fc.constantFrom('<p>', '</div>', '<script>', '<br>', '&nbsp;', '<h1>', '<!--'),
        (junk, at, tag) => {
          const html = `<!DOCTYPE html><html><head><title>${junk}</title></head><body>${body.slice(0, at)}${tag}${junk}${body.slice(at)}</body></html>`;
          onlyInputErrors(() => readReport(html, { file: 'page.html' }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gazetteer: arbitrary text and mutated records', () => {
    const good = readFileSync(new URL('../../geodata/gazetteer/sites.yaml', import.meta.url), 'utf8')
      .split('\n')
      .slice(0, 60)
      .join('\n');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(good.length), (junk, at) => {
        onlyInputErrors(() => parseGazetteerFile(junk, 'junk.yaml'));
        onlyInputErrors(() => parseGazetteerFile(good.slice(0, at) + junk + good.slice(at), 'mutated.yaml'));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('GeoJSON: arbitrary JSON values and broken text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ maxLength: 50 }), (v, s) => {
        onlyInputErrors(() => parseJsonWithSchema(JSON.stringify(v), 'x.geojson', PlacesCollection));
        onlyInputErrors(() => parseJsonWithSchema(JSON.stringify(v), 'x.geojson', SubdistrictCollection));
        onlyInputErrors(() => parseJsonWithSchema(`{"type":"FeatureCollection",${s}`, 'x.geojson', PlacesCollection));
      }),
      { numRuns: 300 },
    );
  });

  it('URL parameters: any query string gives a valid state, and what it keeps survives a round trip', () => {
    const known = { places: new Set(['shichahai']), paragraphs: new Set(['p3-2-4']), subdistricts: new Set(['什刹海街道']) };
    // Every parameter a link may carry (planner options too), and one it may not.
    const key = fc.constantFrom(...KNOWN_PARAMS, 'x');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 20 })), { maxLength: 8 }), (pairs) => {
        const q = new URLSearchParams(pairs).toString();
        const { state } = parseUrlState(q, known);
        const again = parseUrlState(serializeUrlState(state), known);
        expect(again.dropped).toEqual([]);
        expect(serializeUrlState(again.state)).toBe(serializeUrlState(state));
      }),
      { numRuns: 500 },
    );
  });
});
