import pointOnFeature from '@turf/point-on-feature';
import stationsUrl from '../../../../geodata/basemap/stations.geojson?url';
import { StationCollection } from '../../../core/geo/basemap';
import { parseJsonWithSchema } from '../../../core/io/json';
import type { LngLat } from '../../../core/near/index';
import type { PlaceFeatureT } from '../../../core/places/model';
import { type Searchable, searchPlaces } from '../../../core/state/search';
import type { AtlasData } from '../../data';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { toMapCrs } from '../../map/providers';
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
    const { fc } = await toMapCrs({ fc: parseJsonWithSchema(await res.text(), 'geodata/basemap/stations.geojson', StationCollection) });
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

const stationSearchable = (st: Station): Searchable => ({
  id: st.id,
  properties: {
    name: st.name,
    aliases: [`${st.name}站`, `${st.name}地铁站`],
    name_en: `${st.name} station, line ${st.lines.join(', ')}`,
    pinyin: '',
    initials: '',
    mentions: 0,
    category: 'transport',
  },
});

/**
 * The resident's search box: places with a geometry (街道 included) and every subway station;
 * choosing one makes it the centre. Typing, arrows and Enter on a keyboard, a tap on touch.
 */
export function mountResidentSearch(data: AtlasData, onFound: (f: Found) => void) {
  const stationsReady = loadStations();
  let stations: Station[] = [];
  void stationsReady.then((s) => {
    stations = s;
  });
  const places = data.places.features.filter((f) => f.geometry !== null);
  const centreOf = (p: PlaceFeatureT): LngLat | undefined => {
    if (!p.geometry) return undefined;
    if (p.properties.category === 'subdistrict') {
      const sd = data.subdistricts.features.find((f) => f.properties.name === p.properties.name);
      if (sd) return { lng: sd.properties.label[0], lat: sd.properties.label[1] };
    }
    const c =
      p.properties.label ??
      pointOnFeature({ type: 'Feature', geometry: p.geometry, properties: {} } as GeoJSON.Feature).geometry.coordinates;
    return { lng: c[0] as number, lat: c[1] as number };
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
    const p = data.index.places.get(id);
    const at = p ? centreOf(p) : undefined;
    if (p && at) onFound({ at, label: () => (lang() === 'zh' ? p.properties.name : p.properties.name_en) });
  };
  const resultItem = (id: string) => {
    const st = stations.find((x) => x.id === id);
    const p = data.index.places.get(id);
    const name = st
      ? `${st.name}${lang() === 'zh' ? '站' : ''}`
      : lang() === 'zh'
        ? (p?.properties.name ?? id)
        : (p?.properties.name_en ?? id);
    const meta = st
      ? `${rt('station')} · ${st.lines.map((l) => (lang() === 'zh' && /^\d+$/.test(l) ? `${l}${rt('line')}` : l)).join(' ')}`
      : p
        ? categoryLabel(p.properties.category)
        : '';
    const dot = st
      ? el('span', { class: 'dot resident-station-dot', 'aria-hidden': 'true' }, 'M')
      : categoryDot(p?.properties.category ?? 'area');
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
    const hits = searchPlaces([...places, ...stations.map(stationSearchable)], q, 8);
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
