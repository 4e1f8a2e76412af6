import { el } from '../../dom';
import type { ModeDef } from '../context';
import { mountCardSection } from './card-section';
import { send } from './inbox';
import { sourcesOf } from './open-box';
import { imt } from './strings';

/**
 * "Open a report": a planner opens a work report of any year in the browser, reads it with its
 * place names linked to the map, places the names the gazetteer lacks and exports them. Its entry
 * is a button; the reader (a Web Worker), the panel and the exports are loaded on first entry. The
 * place card's list of mentions in opened reports is mounted with the entry (a small chunk that
 * reads the local library), so it is there in every mode.
 */
export const importMode: ModeDef = {
  mode: 'import',
  mountEntry(ctx) {
    const btn = el('button', { type: 'button', id: 'btn-import', class: 'btn', 'aria-pressed': 'false' });
    (ctx.ui.topbar.querySelector('.top-actions') ?? ctx.ui.topbar).prepend(btn);
    btn.onclick = () => ctx.store.set({ mode: ctx.store.get().mode === 'import' ? 'explore' : 'import' }, { push: true });
    void mountCardSection(ctx).catch((e: unknown) => console.error(e));
    // A file dropped on the page in another mode is opened here: the browser would otherwise show
    // the file in place of the app, and whatever was open would be lost. (In the mode, its view takes drops.)
    const outside = () => ctx.store.get().mode !== 'import' && ctx.store.get().mode !== 'kiosk';
    document.addEventListener('dragover', (e) => {
      if (outside() && e.dataTransfer?.types.includes('Files')) e.preventDefault();
    });
    document.addEventListener('drop', (e) => {
      if (!outside()) return;
      const sources = sourcesOf(e.dataTransfer).filter((s) => s.kind === 'file');
      if (sources.length === 0) return;
      e.preventDefault();
      send({ kind: 'open', sources });
      ctx.store.set({ mode: 'import' }, { push: true });
    });
    return {
      update(s) {
        btn.textContent = imt('entry');
        btn.setAttribute('aria-pressed', String(s.mode === 'import'));
      },
    };
  },
  // The library is opened with the view: the view starts with the reports already listed.
  loadView: () =>
    Promise.all([import('./view'), import('./library').then((m) => m.library())]).then(
      ([m, opened]) =>
        (ctx) =>
          m.createImportView(ctx, opened),
    ),
};
