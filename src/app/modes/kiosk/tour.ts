import type { Clock, KioskTimings } from './core';

/**
 * The attract tour: from the start view to each of the report's most-mentioned places in turn,
 * on the kiosk's clock, while nobody uses the screen.
 */
export function createTour(o: {
  clock: Clock;
  timings: KioskTimings;
  ids: readonly string[];
  /** Place ids shown under the current filters: the tour visits only those (all, if none is). */
  visible(): ReadonlySet<string>;
  visit(id: string): void;
}) {
  const visited: string[] = [];
  let index = 0;
  let timer = 0;
  const step = () => {
    const shown = o.ids.filter((id) => o.visible().has(id));
    const list = shown.length ? shown : o.ids;
    const id = list[index++ % list.length];
    if (id) {
      visited.push(id);
      o.visit(id);
    }
    timer = o.clock.setTimeout(step, o.timings.dwellMs);
  };
  return {
    start() {
      o.clock.clearTimeout(timer);
      timer = o.clock.setTimeout(step, o.timings.leadMs);
    },
    stop() {
      o.clock.clearTimeout(timer);
    },
    visited: () => [...visited],
  };
}
