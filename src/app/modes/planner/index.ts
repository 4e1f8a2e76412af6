import { el } from '../../dom';
import type { ModeDef } from '../context';
import { pt } from './strings';

/**
 * Planner mode: its entry button only. Everything else (deck.gl, Chart.js, the analysis) is in
 * ./view.ts and loaded the first time the mode is entered, so a visitor who never opens it
 * downloads none of it.
 */
export const plannerMode: ModeDef = {
  mode: 'planner',
  mountEntry(ctx) {
    const btn = el('button', { type: 'button', id: 'btn-planner', class: 'btn', 'aria-pressed': 'false' });
    (ctx.ui.topbar.querySelector('.top-actions') ?? ctx.ui.topbar).prepend(btn);
    btn.onclick = () => ctx.store.set({ mode: ctx.store.get().mode === 'planner' ? 'explore' : 'planner' }, { push: true });
    return {
      update(s) {
        btn.textContent = pt('planner2');
        btn.setAttribute('aria-pressed', String(s.mode === 'planner'));
      },
    };
  },
  loadView: () => import('./view').then((m) => m.createPlannerView),
};
