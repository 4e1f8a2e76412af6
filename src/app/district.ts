import type { Map as MlMap, Popup } from 'maplibre-gl';
import districtUrl from '../../geodata/district-gazetteer.json?url';
import { anchorOf, type DistrictEntry, DistrictGazetteerSchema, describeEntry, KIND_LABELS } from '../core/gazetteer/district';
import { parseJsonQuick } from '../core/io/json-quick';
import { lang } from './i18n';
import { toMapPosition } from './map/providers';

/**
 * The district-wide gazetteer (every 社区, station, line) for search. It is not a layer of report
 * places: it is fetched from the app's own origin the first time someone searches, so it costs
 * nothing at start, and a choice is shown as a popup at its position saying what it is.
 */
let loading: Promise<DistrictEntry[]> | undefined;
export function loadDistrictEntries(): Promise<DistrictEntry[]> {
  loading ??= fetch(districtUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`district-gazetteer.json: HTTP ${res.status}`);
      return res.text();
    })
    .then(async (t) => (await parseJsonQuick(t, 'geodata/district-gazetteer.json', DistrictGazetteerSchema)).entries);
  loading.catch(() => {
    loading = undefined; // a failed load is tried again on the next search
  });
  return loading;
}

/** One line that says what an entry is and that the report does not name it (for popup and screen reader). */
export function districtSummary(e: DistrictEntry): string {
  const zh = lang() === 'zh';
  const name = zh ? e.name : `${e.name_en} (${e.name})`;
  const where =
    e.precision === 'exact' || !e.uncertainty_m
      ? ''
      : zh
        ? `(位置误差约 ${e.uncertainty_m} 米)`
        : ` (position within about ${e.uncertainty_m} m)`;
  const note = zh ? '本报告未提及此处。' : 'Not named in this report.';
  return `${name} · ${describeEntry(e, zh ? 'zh' : 'en')}${where}${zh ? '。' : '. '}${note}`;
}

const ZOOM: Record<DistrictEntry['kind'], number> = {
  subdistrict: 14,
  community: 14,
  'subway-station': 16,
  'rail-station': 15,
  'subway-line': 12,
  street: 16,
};

/**
 * Flies the map to an entry and opens a popup (text only) that says what it is. MapLibre's Popup class
 * is passed in by the caller, whose chunk has MapLibre already: importing it here would split MapLibre
 * into a chunk of its own and grow the initial JavaScript.
 */
export async function showDistrictEntry(map: MlMap, e: DistrictEntry, PopupClass: typeof Popup): Promise<void> {
  const at = await toMapPosition(anchorOf(e));
  map.flyTo({ center: [at[0], at[1]], zoom: ZOOM[e.kind] });
  document.querySelector('.district-popup')?.remove();
  const popup = new PopupClass({ className: 'district-popup', closeButton: true, maxWidth: '280px' })
    .setLngLat([at[0], at[1]])
    .setText(districtSummary(e));
  popup.addTo(map);
  popup.getElement()?.setAttribute('data-district-id', e.id);
}

export const kindLabel = (e: DistrictEntry) => KIND_LABELS[e.kind][lang() === 'zh' ? 'zh' : 'en'];
