import stationsUrl from '../../../../geodata/basemap/stations.geojson?url';
import type { DistrictEntry } from '../../../core/gazetteer/district';
import { anchorOf, describeEntry } from '../../../core/gazetteer/district-kinds';
import { StationCollection } from '../../../core/geo/basemap';
import { representativePoint } from '../../../core/geo/represent';
import type { LngLat } from '../../../core/geo/sphere';
import { parseJsonQuick } from '../../../core/io/json-quick';
import type { PlaceFeatureT } from '../../../core/places/model';
import { districtSearchable, type Searchable, searchPlaces } from '../../../core/state/search';
import type { AtlasData } from '../../data';
import { districtSummary, loadDistrictEntries } from '../../district';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { toMapCrs, toMapPosition } from '../../map/providers';
import { categoryDot } from '../../panels/place-list';
import { rt } from './strings';

interface Station {
  id: string;
  name: string;
  lines: string[];
  at: LngLat;
}

/** A centre for "near me" found by name: a place of the report, a 街道 or a subway station. */
export interface Found {
  at: LngLat;
  label: () => string;
}

/** The subway stations of the basemap, in the map's CRS like the places (distances stay right on a GCJ-02 map). */
async function loadStations(): Promise<Station[]> {
  try {
    const res = await fetch(stationsUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { fc } = await toMapCrs({ fc: await parseJsonQuick(await res.text(), 'geodata/basemap/stations.geojson', StationCollection) });
    return fc.features.map((f) => ({
      id: `station:${f.properties.name}`,
      name: f.properties.name,
      lines: f.properties.lines,
      at: { lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] },
    }));
  } catch {
    return []; // the search still finds the report's places
  }
}

/** A station as a search entry; the district gazetteer gives its pinyin and English name. */
const stationSearchable = (st: Station, e: DistrictEntry | undefined): Searchable => ({
  id: st.id,
  properties: {
    name: st.name,
    aliases: [`${st.name}站`, `${st.name}地铁站`],
    name_en: e ? `${e.name_en}, line ${st.lines.join(', ')}` : `${st.name} station, line ${st.lines.join(', ')}`,
    pinyin: e?.pinyin ?? '',
    initials: e?.initials ?? '',
    mentions: 0,
    category: 'transport',
  },
});

/**
 * The resident's search box: places with a geometry (街道 included), every subway station and the
 * district gazetteer's 社区 and lines; choosing one makes it the centre. Typing, arrows and Enter
 * on a keyboard, a tap on touch.
 */
export function mountResidentSearch(data: AtlasData, onFound: (f: Found) => void) {
  let stations: Station[] = [];
  let district: DistrictEntry[] = [];
  const stationsReady = loadStations()
    .then((s) => {
      stations = s;
    })
    // The district gazetteer: every 社区 and line, and the pinyin and English of the stations.
    .then(() => loadDistrictEntries())
    .then(
      (list) => {
        district = list;
      },
      () => undefined,
    );
  const stationEntry = (st: Station) => district.find((e) => e.kind.endsWith('station') && e.name.replace(/站$/, '') === st.name);
  /** Entries that are neither a report place nor one of the stations: 社区, lines, 街道 names. */
  const districtOthers = () =>
    district.filter((e) => !e.kind.endsWith('station') && !(e.placeId && data.index.places.get(e.placeId)?.geometry));
  const places = data.places.features.filter((f) => f.geometry !== null);
  const centreOf = (p: PlaceFeatureT): LngLat | undefined => {
    if (!p.geometry) return undefined;
    if (p.properties.category === 'subdistrict') {
      const sd = data.subdistricts.features.find((f) => f.properties.name === p.properties.name);
      if (sd) return { lng: sd.properties.label[0], lat: sd.properties.label[1] };
    }
    const c = p.properties.label ?? representativePoint(p.geometry);
    return c ? { lng: c[0], lat: c[1] } : undefined;
  };
  const label = el('label', { for: 'resident-search', class: 'resident-label' });
  const input = el('input', {
    type: 'search',
    id: 'resident-search',
    class: 'resident-search',
    autocomplete: 'off',
    'aria-controls': 'resident-search-results',
  });
  const results = el('ul', { id: 'resident-search-results', class: 'resident-results', hidden: '' });
  let hitIds: string[] = [];
  const choose = (id: string | undefined) => {
    if (!id) return;
    results.hidden = true;
    input.value = '';
    const st = stations.find((x) => x.id === id);
    if (st) return onFound({ at: st.at, label: () => `${st.name}${lang() === 'zh' ? '站' : ' station'}` });
    const entry = district.find((e) => e.id === id);
    // Not a place of the report: the centre moves there and the line under the title says what it is.
    if (entry)
      return void toMapPosition(anchorOf(entry)).then(([lng, lat]) => onFound({ at: { lng, lat }, label: () => districtSummary(entry) }));
    const p = data.index.places.get(id);
    const at = p ? centreOf(p) : undefined;
    if (p && at) onFound({ at, label: () => (lang() === 'zh' ? p.properties.name : p.properties.name_en) });
  };
  /** How a result reads: a district entry says what it is, a station its lines, a place its category. */
  const describe = (id: string): { name: string; meta: string; dot: HTMLElement } => {
    const st = stations.find((x) => x.id === id);
    const p = data.index.places.get(id);
    const zh = lang() === 'zh';
    const stationDot = (t: string) => el('span', { class: 'dot resident-station-dot', 'aria-hidden': 'true' }, t);
    const entry = p || st ? undefined : district.find((e) => e.id === id);
    if (entry)
      return {
        name: zh ? entry.name : entry.name_en,
        meta: describeEntry(entry, zh ? 'zh' : 'en'),
        dot: stationDot(entry.kind === 'subway-line' ? 'M' : '·'),
      };
    if (st) {
      const lines = st.lines.map((l) => (zh && /^\d+$/.test(l) ? `${l}${rt('line')}` : l)).join(' ');
      return { name: `${st.name}${zh ? '站' : ''}`, meta: `${rt('station')} · ${lines}`, dot: stationDot('M') };
    }
    return {
      name: zh ? (p?.properties.name ?? id) : (p?.properties.name_en ?? id),
      meta: p ? categoryLabel(p.properties.category) : '',
      dot: categoryDot(p?.properties.category ?? 'area'),
    };
  };
  const resultItem = (id: string) => {
    const { name, meta, dot } = describe(id);
    const b = el(
      'button',
      { type: 'button', class: 'resident-result', 'data-id': id },
      dot,
      el('span', { class: 'result-name' }, name),
      el('span', { class: 'result-meta' }, meta),
    );
    b.onclick = () => choose(id);
    return el('li', {}, b);
  };
  const update = () => {
    const q = input.value;
    const hits = searchPlaces(
      [...places, ...stations.map((st) => stationSearchable(st, stationEntry(st))), ...districtOthers().map(districtSearchable)],
      q,
      8,
    );
    hitIds = hits.map((h) => h.id);
    const items = hits.map((h) => resultItem(h.id));
    if (q.trim() !== '' && items.length === 0) items.push(el('li', { class: 'muted' }, rt('noMatch')));
    results.replaceChildren(...items);
    results.hidden = q.trim() === '';
  };
  input.oninput = () => void stationsReady.then(update);
  input.onkeydown = (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void stationsReady.then(() => {
        update();
        choose(hitIds[0]);
      });
    } else if (e.key === 'Escape') results.hidden = true;
  };
  return {
    el: el('div', { class: 'resident-search-box' }, label, input, results),
    input,
    paint() {
      label.textContent = rt('searchLabel');
      input.placeholder = rt('searchPlaceholder');
    },
  };
}
