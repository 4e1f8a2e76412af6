import { el } from '../../dom';
import type { ModeDef } from '../context';
import { rt } from './strings';
import './resident.css';

/**
 * Resident mode, "what is happening near me": its entry points only (a 身边 tab in the side panel
 * or bottom sheet, and a button over the map). The view (the spatial index, the circle, the list,
 * geolocation) is in ./view.ts and loaded the first time the mode is on.
 */
export const residentMode: ModeDef = {
  mode: 'resident',
  mountEntry(ctx) {
    const { store } = ctx;
    const enter = () => {
      if (store.get().mode !== 'resident') store.set({ mode: 'resident' }, { push: true });
    };
    const panel = ctx.ui.addTab('near', () => rt('tabLabel'), enter);
    panel.classList.add('resident-pane');
    panel.append(el('p', { class: 'loading' }, '…'));
    const fab = el('button', { type: 'button', id: 'btn-resident', class: 'resident-fab', 'aria-pressed': 'false' });
    const paintFab = () => fab.replaceChildren(el('span', { 'aria-hidden': 'true' }, '◎ '), rt('tabLabel'));
    paintFab();
    fab.onclick = () => {
      const side = document.getElementById('side');
      // On a phone, a peeking sheet would hide the list: open it half-way.
      if (side?.dataset.sheet === 'peek') side.dataset.sheet = 'half';
      ctx.ui.showTab('near');
    };
    ctx.ui.mapPanel.append(fab);
    return {
      update(s, changed) {
        if (changed.has('lang')) paintFab();
        fab.setAttribute('aria-pressed', String(s.mode === 'resident'));
        // Arriving in resident mode (a shared link, the back button): show its panel.
        if (changed.has('mode') && s.mode === 'resident' && panel.hidden) ctx.ui.showTab('near');
      },
    };
  },
  loadView: () => import('./view').then((m) => m.createResidentView),
};
