import type { LngLat, MapMouseEvent } from 'maplibre-gl';
import { type Hit, hoverTarget, type PointerKind } from '../../core/state/hit-test';
import { type HitSource, hitAt } from './hit-test';

export interface MapGesture {
  hit: Hit;
  lngLat: LngLat;
  point: { x: number; y: number };
  pointer: PointerKind;
  /** A long press (touch) or a right click: "here", whatever is drawn. */
  long: boolean;
}

/**
 * The map's one listener for pointer input: every click, tap, hover and long-press goes through
 * the same hit test, and the result goes to whoever owns the meaning (the mode host).
 */
export function attachMapInput(
  src: HitSource,
  handlers: { onGesture(g: MapGesture): void; onHover(id: string | undefined): void },
): () => void {
  const { map } = src;
  let pointer: PointerKind = 'mouse';
  const container = map.getCanvasContainer();
  const onPointerDown = (e: PointerEvent) => {
    pointer = e.pointerType === 'touch' || e.pointerType === 'pen' ? 'touch' : 'mouse';
  };
  container.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
  const gesture = (e: MapMouseEvent, long: boolean) => {
    handlers.onGesture({ hit: hitAt(src, e.point, pointer), lngLat: e.lngLat, point: { x: e.point.x, y: e.point.y }, pointer, long });
  };
  const onClick = (e: MapMouseEvent) => gesture(e, false);
  const onContext = (e: MapMouseEvent) => {
    e.preventDefault();
    gesture(e, true);
  };
  // Hover is measured once per frame at most: mousemove fires far more often than the map draws.
  let frame = 0;
  let last: MapMouseEvent | undefined;
  const onMove = (e: MapMouseEvent) => {
    last = e;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!last || pointer !== 'mouse') return;
      const hit = hitAt(src, last.point, 'mouse');
      map.getCanvas().style.cursor = hit.kind === 'place' || hit.kind === 'choose' || hit.kind === 'cluster' ? 'pointer' : '';
      handlers.onHover(hoverTarget(hit));
    });
  };
  const onOut = () => {
    map.getCanvas().style.cursor = '';
    handlers.onHover(undefined);
  };
  map.on('click', onClick);
  map.on('contextmenu', onContext);
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  return () => {
    container.removeEventListener('pointerdown', onPointerDown, { capture: true });
    map.off('click', onClick);
    map.off('contextmenu', onContext);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
  };
}
