import { type GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { UNIT_CATEGORIES } from '../../../core/analysis/claims';
import { representativePoint } from '../../../core/geo/represent';
import type { Phase } from '../../../core/report/model';
import { el } from '../../dom';
import { MapComposer } from '../../map/compose';
import { districtBounds } from '../../map/create-map';
import { provideBackground, provideBoundaries } from '../../map/overlays';
import { baseStyle, LOCAL_CJK_FONTS } from '../../map/style';
import { expose, TEST_HOOKS } from '../../test-hooks';
import type { AppContext } from '../context';
import { type PlannerString, pt } from './strings';

const SIDES: { phases: Phase[]; title: PlannerString; colour: string }[] = [
  { phases: ['review'], title: 'sideDone', colour: '#8c6d46' },
  { phases: ['tasks', 'plan'], title: 'sidePlanned', colour: '#c0392b' },
];

/**
 * Done against planned, side by side: two MapLibre maps over the main one, each with the project
 * sites of its phases (circle size = projects there), framing the whole district and kept in step
 * on every move.
 */
export class Compare {
  private root: HTMLElement | undefined;
  private maps: MlMap[] = [];

  constructor(private readonly ctx: AppContext) {}

  get open(): boolean {
    return !!this.root;
  }

  show(): void {
    if (this.root) return;
    const { ctx } = this;
    const panes = SIDES.map(() => el('div', { class: 'compare-map' }));
    const close = el('button', { type: 'button', class: 'btn compare-close' }, pt('closeCompare'));
    close.onclick = () => this.hide();
    this.root = el(
      'div',
      { class: 'planner-compare', id: 'planner-compare' },
      ...SIDES.map((s, i) =>
        el(
          'div',
          { class: 'compare-side' },
          el('div', { class: 'compare-title', style: `border-color:${s.colour}` }, pt(s.title)),
          panes[i] ?? null,
        ),
      ),
      close,
    );
    ctx.ui.mapPanel.append(this.root);
    const origin = new URL('./', location.href).href;
    let syncing = false;
    this.maps = panes.map((container, i) => {
      const side = SIDES[i] as (typeof SIDES)[number];
      const m = new MlMap({
        container,
        style: baseStyle(origin),
        bounds: districtBounds(ctx.data),
        fitBoundsOptions: { padding: 16 },
        localIdeographFontFamily: LOCAL_CJK_FONTS,
        attributionControl: false,
      });
      m.on('load', () => {
        const composer = new MapComposer(m, { theme: 'light', state: ctx.store.get() });
        provideBackground(composer);
        provideBoundaries(composer, ctx.data);
        const counts = new Map<string, number>();
        for (const p of ctx.data.projects) if (side.phases.includes(p.phase)) counts.set(p.placeId, (counts.get(p.placeId) ?? 0) + 1);
        const features: GeoJSON.Feature[] = [];
        for (const [id, n] of counts) {
          const place = ctx.data.index.places.get(id);
          if (!place?.geometry || !place.properties.inXicheng || UNIT_CATEGORIES.has(place.properties.category)) continue;
          const at = representativePoint(place.geometry);
          if (at)
            features.push({
              type: 'Feature',
              properties: { id, n, name: place.properties.name },
              geometry: { type: 'Point', coordinates: at },
            });
        }
        m.addSource('compare-sites', { type: 'geojson', data: { type: 'FeatureCollection', features } });
        m.addLayer({
          id: 'compare-sites',
          type: 'circle',
          source: 'compare-sites',
          paint: {
            'circle-color': side.colour,
            'circle-opacity': 0.75,
            'circle-stroke-color': '#fff',
            'circle-stroke-width': 1,
            'circle-radius': ['interpolate', ['linear'], ['get', 'n'], 1, 5, 6, 14],
          },
        });
        (m.getSource('compare-sites') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
        container.dataset.sites = String(features.length);
      });
      m.on('click', 'compare-sites', (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === 'string') ctx.select(id, { fly: false });
      });
      return m;
    });
    const [a, b] = this.maps;
    const link = (from: MlMap, to: MlMap) =>
      from.on('move', () => {
        if (syncing) return;
        syncing = true;
        to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
        syncing = false;
      });
    if (a && b) {
      link(a, b);
      link(b, a);
    }
    if (TEST_HOOKS) expose('atlasCompare', this.maps);
  }

  hide(): void {
    for (const m of this.maps) m.remove();
    this.maps = [];
    this.root?.remove();
    this.root = undefined;
    if (TEST_HOOKS) expose('atlasCompare', undefined);
  }
}
