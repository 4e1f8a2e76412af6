import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docOf, mentionsByParagraph, phaseLabel } from '../../src/app/modes/import/doc';
import { byYear } from '../../src/app/modes/import/library';
import { DistrictGazetteerSchema } from '../../src/core/gazetteer/district';
import { parseYamlList } from '../../src/core/gazetteer/not-places';
import { mapReport, parsablePlaces } from '../../src/core/import/map-report';
import type { StoredReport } from '../../src/core/import/model';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { reportMarkup } from '../../src/core/report/markup';
import { markupPlacesOf } from '../../src/core/report/markup-places';
import { ROOT } from './helpers';

const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const places = parseJsonWithSchema(read('geodata/places.geojson'), 'places', PlacesCollection).features;
const district = parseJsonWithSchema(read('geodata/district-gazetteer.json'), 'district', DistrictGazetteerSchema).entries;
const mapped = mapReport({ text: read('tests/fixtures/report/xicheng-2019-style-report.txt') }, 'r.txt', {
  places: parsablePlaces(places),
  notPlaces: parseYamlList(read('geodata/gazetteer/not-places.yaml'), 'np'),
  district,
});
const stored = (id: string, year: number | null, openedAt: string): StoredReport => ({
  id,
  file: 'r.txt',
  openedAt,
  text: '',
  linkKey: '',
  year,
  mapped,
});

describe('an opened report as the report panel draws it', () => {
  it('every mention, of the atlas and of the district gazetteer, by paragraph in reading order', () => {
    const by = mentionsByParagraph(stored('a', 2019, ''));
    const all = [...by.values()].flat();
    expect(all).toHaveLength(mapped.mentions.length + mapped.districtMentions.length);
    for (const list of by.values())
      for (let i = 1; i < list.length; i++) expect(list[i]?.start).toBeGreaterThanOrEqual(list[i - 1]?.start as number);
  });

  it("marks name the district entries in their category, and the tags say the report's own year", () => {
    const doc = docOf(
      stored('a', 2019, ''),
      markupPlacesOf(new Map(places.map((p) => [p.id, p]))),
      new Map(district.map((d) => [d.id, d])),
      new Map(),
      {
        onMentionClick: () => undefined,
        onShowParagraph: () => undefined,
      },
    );
    expect(doc.places.get('stn-niu-jie')).toMatchObject({ name: '牛街站', category: 'transport', mapped: true });
    const html = JSON.stringify(
      reportMarkup({ ...doc, lang: 'zh', labels: { showOnMap: 's', contents: 'c' }, phaseLabel: (p) => doc.phaseLabel?.(p, 'zh') ?? p }),
    );
    expect(html).toContain('2019年任务');
    expect(html).not.toContain('2017 年任务');
    expect(html).toContain('"data-place-id":"stn-niu-jie"');
    expect(phaseLabel(null)('tasks', 'en')).toBe("The year's tasks");
  });

  it('reports listed by year, unknown years last, then as opened', () => {
    const list = [stored('x', null, '1'), stored('b', 2021, '2'), stored('a', 2019, '3'), stored('c', 2019, '0')].sort(byYear);
    expect(list.map((r) => r.id)).toEqual(['c', 'a', 'b', 'x']);
  });
});
