import './resident.css';
import type { UrlState } from '../../core/state/url';
import { el } from '../dom';
import { lang } from '../i18n';
import type { AppContext, ModeModule } from './context';

export interface ResidentView {
  render(s: UrlState, prev: UrlState | undefined): void;
  leave(): void;
}

const label = () => (lang() === 'zh' ? '身边' : 'Near me');

/**
 * Resident mode, "what is happening near me": the entry points only (a 身边 tab in the side panel
 * or bottom sheet, and a button over the map). The view itself (the spatial index, the circle,
 * the list, geolocation) lives in ./resident/view.ts and is loaded the first time the mode is on.
 */
export const residentMode: ModeModule = {
  mode: 'resident',
  mount(ctx: AppContext) {
    const { store } = ctx;
    const enter = () => {
      if (store.get().mode !== 'resident') store.set({ mode: 'resident' }, { push: true });
    };
    const panel = ctx.ui.addTab('near', label, enter);
    panel.classList.add('resident-pane');
    panel.append(el('p', { class: 'loading' }, '…'));

    const fab = el('button', { type: 'button', id: 'btn-resident', class: 'resident-fab', 'aria-pressed': 'false' });
    const paintFab = () => {
      fab.replaceChildren(el('span', { 'aria-hidden': 'true' }, '◎ '), label());
    };
    paintFab();
    fab.onclick = () => {
      const side = document.getElementById('side');
      // On a phone, a peeking sheet would hide the list: open it half-way.
      if (side?.dataset.sheet === 'peek') side.dataset.sheet = 'half';
      ctx.ui.showTab('near');
    };
    ctx.ui.mapPanel.append(fab);

    let view: Promise<ResidentView> | undefined;
    let shownOnce = false;
    ctx.onRender((s, prev) => {
      if (!prev || s.lang !== prev.lang) paintFab();
      fab.setAttribute('aria-pressed', String(s.mode === 'resident'));
      if (s.mode === 'resident') {
        if (!shownOnce) {
          shownOnce = true;
          // Arriving in resident mode (a shared link, the back button): show its panel.
          if (panel.hidden) ctx.ui.showTab('near');
        }
        view ??= import('./resident/view').then((m) => m.createResidentView(ctx, panel));
        view
          .then((v) => v.render(s, prev))
          .catch((e: unknown) =>
            ctx.notice(`身边视图载入失败 · Near-me view failed to load: ${e instanceof Error ? e.message : String(e)}`),
          );
      } else {
        shownOnce = false;
        if (prev?.mode === 'resident') void view?.then((v) => v.leave());
      }
    });
  },
};
