import type { GeoJSONSource, LayerSpecification, Map as MlMap, SourceSpecification } from 'maplibre-gl';
import type { UrlState } from '../../core/state/url';

export type Theme = 'light' | 'dark';

/**
 * What every group's layers are a function of: the state (as the URL says it) and the theme it
 * implies. Groups read their data (loaded files, a mode's own options) from their own module.
 */
export interface StyleContext {
  theme: Theme;
  state: UrlState;
}

/**
 * A part of the map's style owned by one module: its sources (GeoJSON with its data object) and
 * its layers, as plain data. The composer adds, changes and removes them on the live map.
 */
export interface LayerGroup {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/** Returns the group for a context, or null while it has nothing to draw (data not in yet, mode off). */
export type GroupProvider = (ctx: StyleContext) => LayerGroup | null;

/**
 * Drawing order, bottom first: the one place that says what lies over what. A group missing from
 * the map (not loaded yet, mode off) takes no place; one added later lands where it belongs.
 */
export const GROUP_ORDER = [
  'background',
  'basemap',
  'planner-choropleth',
  'district',
  'subdistricts',
  'resident-circle',
  'places',
  'import',
  'selection',
  'resident-centre',
] as const;
export type GroupId = (typeof GROUP_ORDER)[number];

type Props = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v ?? null);

function sourceShape(s: SourceSpecification): string {
  const { data: _data, ...rest } = s as SourceSpecification & { data?: unknown };
  return json(rest);
}

/**
 * Owns the map's style: each module contributes a group of layers as data; `apply` brings the
 * live map in line with what the groups say now, touching only what differs (a source's data by
 * `setData` when its object changed, a paint or layout value, a filter, a zoom range).
 */
export class MapComposer {
  private readonly providers = new Map<GroupId, GroupProvider>();
  private readonly appliedLayers = new Map<string, LayerSpecification>();
  private readonly appliedSources = new Map<string, SourceSpecification>();
  private ctx: StyleContext;

  constructor(
    private readonly map: MlMap,
    ctx: StyleContext,
  ) {
    this.ctx = ctx;
  }

  get context(): StyleContext {
    return this.ctx;
  }

  /** Registers (or replaces) the provider of a group and applies. */
  provide(id: GroupId, provider: GroupProvider | null): void {
    if (provider) this.providers.set(id, provider);
    else this.providers.delete(id);
    this.apply();
  }

  /** Applies a new context (a new state), or the same one after a group's own input changed. */
  apply(ctx: StyleContext = this.ctx): void {
    this.ctx = ctx;
    const sources = new Map<string, SourceSpecification>();
    const layers: LayerSpecification[] = [];
    for (const id of GROUP_ORDER) {
      const g = this.providers.get(id)?.(this.ctx);
      if (!g) continue;
      for (const [sid, s] of Object.entries(g.sources)) sources.set(sid, s);
      layers.push(...g.layers);
    }
    this.sync(sources, layers);
  }

  /** Layer ids of a group as last applied, in drawing order (for hit-testing and tests). */
  layerIds(): string[] {
    return [...this.appliedLayers.keys()];
  }

  private sync(sources: Map<string, SourceSpecification>, layers: LayerSpecification[]): void {
    const map = this.map;
    const wanted = new Set(layers.map((l) => l.id));
    // A source whose options (not data) changed is rebuilt with the layers drawing it.
    const rebuilt = new Set<string>();
    for (const [id, s] of sources) {
      const old = this.appliedSources.get(id);
      if (old && sourceShape(old) !== sourceShape(s)) rebuilt.add(id);
    }
    for (const [id, l] of [...this.appliedLayers]) {
      const src = (l as { source?: string }).source;
      const want = layers.find((x) => x.id === id);
      const moved = want && (want.type !== l.type || (want as { source?: string }).source !== src);
      if (!wanted.has(id) || moved || (src && rebuilt.has(src))) {
        if (map.getLayer(id)) map.removeLayer(id);
        this.appliedLayers.delete(id);
      }
    }
    for (const [id] of [...this.appliedSources]) {
      if (sources.has(id) && !rebuilt.has(id)) continue;
      if (map.getSource(id)) map.removeSource(id);
      this.appliedSources.delete(id);
    }
    for (const [id, s] of sources) {
      const old = this.appliedSources.get(id);
      if (!old) map.addSource(id, s);
      else if ((old as { data?: unknown }).data !== (s as { data?: unknown }).data)
        (map.getSource(id) as GeoJSONSource).setData((s as { data: GeoJSON.GeoJSON }).data);
      this.appliedSources.set(id, s);
    }
    // Walk bottom-up from the top so that each new layer goes under the one above it.
    let above: string | undefined;
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i] as LayerSpecification;
      const old = this.appliedLayers.get(l.id);
      if (!old) map.addLayer(l, above);
      else this.update(old, l);
      this.appliedLayers.set(l.id, l);
      above = l.id;
    }
    // Keep the record in drawing order.
    const ordered = new Map(layers.map((l) => [l.id, l]));
    this.appliedLayers.clear();
    for (const [id, l] of ordered) this.appliedLayers.set(id, l);
  }

  private update(old: LayerSpecification, next: LayerSpecification): void {
    const map = this.map;
    const id = next.id;
    for (const kind of ['paint', 'layout'] as const) {
      const a = ((old as Props)[kind] ?? {}) as Props;
      const b = ((next as Props)[kind] ?? {}) as Props;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (json(a[key]) === json(b[key])) continue;
        if (kind === 'paint') map.setPaintProperty(id, key as Parameters<MlMap['setPaintProperty']>[1], b[key] as never);
        else map.setLayoutProperty(id, key as Parameters<MlMap['setLayoutProperty']>[1], b[key] as never);
      }
    }
    if (json((old as Props).filter) !== json((next as Props).filter))
      map.setFilter(id, ((next as Props).filter ?? null) as Parameters<MlMap['setFilter']>[1]);
    const lo = (l: LayerSpecification) => [(l as Props).minzoom ?? 0, (l as Props).maxzoom ?? 24] as [number, number];
    const [a0, a1] = lo(old);
    const [b0, b1] = lo(next);
    if (a0 !== b0 || a1 !== b1) map.setLayerZoomRange(id, b0, b1);
  }
}
