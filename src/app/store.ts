import type { UrlState } from '../core/state/url';

export interface Ephemeral {
  /** The place under the pointer, on the map or in the text. */
  hoverPlace?: string | undefined;
}

type Listener = (s: UrlState, prev: UrlState) => void;

/** The single source of truth for what the page shows. Every view renders from it; the URL mirrors it. */
export class Store {
  private state: UrlState;
  private readonly listeners = new Set<Listener>();
  readonly ephemeral: Ephemeral = {};
  private readonly hoverListeners = new Set<(id: string | undefined) => void>();

  constructor(initial: UrlState) {
    this.state = initial;
  }
  get(): UrlState {
    return this.state;
  }
  /** `push` marks a change the back button should undo (selection, filters), not a map pan. */
  set(patch: Partial<UrlState>, opts: { push?: boolean } = {}): void {
    const prev = this.state;
    this.state = { ...prev, ...patch };
    for (const l of this.listeners) l(this.state, prev);
    this.onCommit?.(this.state, opts.push ?? false);
  }
  replace(next: UrlState): void {
    const prev = this.state;
    this.state = next;
    for (const l of this.listeners) l(this.state, prev);
  }
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  onCommit?: (s: UrlState, push: boolean) => void;

  hover(id: string | undefined): void {
    if (this.ephemeral.hoverPlace === id) return;
    this.ephemeral.hoverPlace = id;
    for (const l of this.hoverListeners) l(id);
  }
  onHover(l: (id: string | undefined) => void): void {
    this.hoverListeners.add(l);
  }
}
