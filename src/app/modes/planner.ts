import { el } from '../dom';
import { lang } from '../i18n';
import type { AppContext, ModeModule } from './context';

interface PlannerView {
  render(s: ReturnType<AppContext['store']['get']>, prev: ReturnType<AppContext['store']['get']> | undefined): void;
  leave(): void;
}

/**
 * Planner mode: the entry button only. Everything else (deck.gl, Chart.js, the analysis) lives in
 * ./planner/ and is loaded by dynamic import the first time the mode is entered, so a visitor who
 * never opens it downloads none of it.
 */
export const plannerMode: ModeModule = {
  mode: 'planner',
  mount(ctx: AppContext) {
    const btn = el('button', { type: 'button', id: 'btn-planner', class: 'btn', 'aria-pressed': 'false' });
    const label = () => (lang() === 'zh' ? '规划 Planner' : 'Planner 规划');
    btn.textContent = label();
    (ctx.ui.topbar.querySelector('.top-actions') ?? ctx.ui.topbar).prepend(btn);
    btn.onclick = () => ctx.store.set({ mode: ctx.store.get().mode === 'planner' ? 'explore' : 'planner' }, { push: true });
    let view: Promise<PlannerView> | undefined;
    ctx.onRender((s, prev) => {
      btn.textContent = label();
      btn.setAttribute('aria-pressed', String(s.mode === 'planner'));
      if (s.mode === 'planner') {
        view ??= import('./planner/index').then((m) => m.createPlanner(ctx));
        view.then((v) => v.render(s, prev)).catch((e: unknown) => ctx.notice(`规划视图载入失败 · Planner failed to load: ${String(e)}`));
      } else if (prev?.mode === 'planner') void view?.then((v) => v.leave());
    });
  },
};
