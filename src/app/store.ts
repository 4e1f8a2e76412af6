import { type Changed, changedKeys, keepUnchanged } from '../core/state/changes';
import type { UrlState } from '../core/state/url';

/** Called with the new state, the previous one and the keys that differ between them. */
export type Listener = (s: UrlState, prev: UrlState, changed: Changed) => void;

/**
 * The single source of truth for what the page shows. Every view renders from it; the URL
 * mirrors it. Listeners hear only real changes, with the keys that changed, and unchanged values
 * stay the same objects, so memoised selectors and views redo only what a change touches.
 */
export class Store {
  private state: UrlState;
  private readonly listeners = new Set<Listener>();
  private readonly hoverListeners = new Set<(id: string | undefined) => void>();
  private hovered: string | undefined;
  /** Set by the URL sync: writes the address after each committed change. */
  onCommit?: (s: UrlState, push: boolean) => void;

  constructor(initial: UrlState) {
    this.state = initial;
  }
  get(): UrlState {
    return this.state;
  }
  /** `push` marks a change the back button should undo (selection, filters), not a map pan. */
  set(patch: Partial<UrlState>, opts: { push?: boolean } = {}): void {
    if (this.commit({ ...this.state, ...patch })) this.onCommit?.(this.state, opts.push ?? false);
  }
  /** Replaces the whole state (the back button): the URL already says it. */
  replace(next: UrlState): void {
    this.commit(next);
  }
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** The place under the pointer, on the map or in the text: too short-lived for the URL. */
  hover(id: string | undefined): void {
    if (this.hovered === id) return;
    this.hovered = id;
    for (const l of this.hoverListeners) l(id);
  }
  hovering(): string | undefined {
    return this.hovered;
  }
  onHover(l: (id: string | undefined) => void): () => void {
    this.hoverListeners.add(l);
    return () => this.hoverListeners.delete(l);
  }

  private commit(next: UrlState): boolean {
    const prev = this.state;
    const changed = changedKeys(prev, next);
    if (changed.size === 0) return false;
    this.state = keepUnchanged(prev, next, changed);
    for (const l of [...this.listeners]) l(this.state, prev, changed);
    return true;
  }
}
