import type { Changed } from '../../core/state/changes';
import type { Mode, UrlState } from '../../core/state/url';
import type { MapGesture } from '../map/interaction';
import type { AppContext, ModeDef, ModeView } from './context';

/**
 * Runs the modes: mounts their entry points, loads a mode's view the first time it is entered
 * (a failed load is reported once, and the main screen carries on), tells the view of every
 * change while its mode is on, and lets it leave cleanly.
 */
export class ModeHost {
  private readonly views = new Map<Mode, Promise<ModeView | undefined>>();
  private readonly entries: Array<{ update(s: UrlState, changed: Changed): void }> = [];
  private active: { mode: Mode; view: ModeView } | undefined;
  private token = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly defs: readonly ModeDef[],
    private readonly onLoadError: (mode: Mode, e: unknown) => void,
  ) {
    for (const d of defs) {
      const entry = d.mountEntry?.(ctx);
      if (entry) this.entries.push(entry);
    }
  }

  update(s: UrlState, prev: UrlState | undefined, changed: Changed): void {
    for (const e of this.entries) e.update(s, changed);
    if (this.active && this.active.mode !== s.mode) {
      this.active.view.leave();
      this.active = undefined;
    }
    if (this.active) {
      this.active.view.update(s, prev, changed);
      return;
    }
    const def = this.defs.find((d) => d.mode === s.mode);
    if (!def) return;
    const token = ++this.token;
    this.view(def).then((view) => {
      // Still the mode the state asks for, and nothing else entered meanwhile.
      if (!view || token !== this.token || this.ctx.store.get().mode !== def.mode || this.active) return;
      this.active = { mode: def.mode, view };
      view.update(this.ctx.store.get(), undefined, new Set(Object.keys(this.ctx.store.get()) as Array<keyof UrlState>));
    });
  }

  /** A map gesture for the mode on, if its view takes it. */
  gesture(g: MapGesture): boolean {
    return this.active?.view.onMapGesture?.(g) ?? false;
  }

  private view(def: ModeDef): Promise<ModeView | undefined> {
    let v = this.views.get(def.mode);
    if (!v) {
      v = def
        .loadView()
        .then((make) => make(this.ctx))
        .catch((e: unknown) => {
          this.views.delete(def.mode);
          this.onLoadError(def.mode, e);
          return undefined;
        });
      this.views.set(def.mode, v);
    }
    return v;
  }
}
