import type { Map as MlMap } from 'maplibre-gl';

type Overlay = { setProps(p: { layers: unknown[] }): void };

/**
 * One deck.gl overlay for the planner's layers (density, flows), on its own canvas over the map
 * (interleaved mode fails with this MapLibre version). Its drawing buffer is preserved so the PNG
 * export can copy it over the map's. Each view owns a slot.
 */
export class PlannerDeck {
  private overlay: Overlay | undefined;
  private readonly slots = new Map<string, unknown[]>();
  constructor(private readonly map: MlMap) {}

  async init(): Promise<void> {
    if (this.overlay) return;
    const { MapboxOverlay } = await import('@deck.gl/mapbox');
    const o = new MapboxOverlay({ interleaved: false, layers: [], deviceProps: { webgl: { preserveDrawingBuffer: true } } });
    this.map.addControl(o as never);
    this.overlay = o as unknown as Overlay;
  }
  set(slot: string, layers: unknown[]): void {
    this.slots.set(slot, layers);
    this.overlay?.setProps({ layers: [...this.slots.values()].flat() });
  }
  clear(): void {
    this.slots.clear();
    this.overlay?.setProps({ layers: [] });
  }
}
