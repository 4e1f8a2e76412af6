import type { Map as MlMap } from 'maplibre-gl';

type Overlay = { setProps(p: { layers: unknown[] }): void };

/**
 * The one deck.gl overlay of the map, for its analytical layers (arcs to places outside, the
 * planner's density and flows), on its own canvas over the map (interleaved mode fails with this
 * MapLibre version). deck.gl is loaded the first time a layer is set. Its drawing buffer is
 * preserved so the planner's PNG export can copy it over the map's. Each user owns a slot.
 */
export class DeckOverlay {
  private overlay: Promise<Overlay> | undefined;
  private readonly slots = new Map<string, unknown[]>();
  constructor(private readonly map: MlMap) {}

  /** Loads deck.gl and adds the overlay, once. */
  ready(): Promise<Overlay> {
    this.overlay ??= import('@deck.gl/mapbox').then(({ MapboxOverlay }) => {
      const o = new MapboxOverlay({ interleaved: false, layers: [], deviceProps: { webgl: { preserveDrawingBuffer: true } } });
      this.map.addControl(o as never);
      return o as unknown as Overlay;
    });
    return this.overlay;
  }

  async set(slot: string, layers: unknown[]): Promise<void> {
    this.slots.set(slot, layers);
    if (layers.length === 0 && !this.overlay) return;
    (await this.ready()).setProps({ layers: [...this.slots.values()].flat() });
  }

  /** Layers of a slot as last set (what is drawn). */
  layers(slot: string): readonly unknown[] {
    return this.slots.get(slot) ?? [];
  }
}
