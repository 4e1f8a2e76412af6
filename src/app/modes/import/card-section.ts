import { mentionsAcross } from '../../../core/import/across';
import { el } from '../../dom';
import type { AppContext } from '../context';
import { send } from './inbox';
import { library } from './library';
import { imt } from './strings';

/**
 * Adds to every place card where the place is named in the reports the planner opened, by year,
 * each sentence with a link that opens that report at it. Read from the local library once the
 * modes are in (a card drawn before has no such section until then), redrawn when the library changes.
 */
export async function mountCardSection(ctx: AppContext): Promise<void> {
  const { library: lib } = await library();
  const section = (placeId: string): Node | null => {
    const list = mentionsAcross(lib.get().reports, placeId);
    if (list.length === 0) return null;
    const box = el('section', { class: 'card-opened', 'data-place-id': placeId }, el('h3', {}, imt('inOpened')));
    for (const r of list) {
      const items = el('ol', { class: 'card-mentions' });
      for (const m of r.mentions) {
        const go = el(
          'button',
          { type: 'button', class: 'linklike', 'data-report-id': r.reportId, 'data-paragraph-id': m.paragraphId },
          imt('showThere'),
        );
        go.onclick = () => {
          send({ kind: 'show', reportId: r.reportId, paragraphId: m.paragraphId, start: m.start });
          if (ctx.store.get().mode !== 'import') ctx.store.set({ mode: 'import' }, { push: true });
        };
        items.append(
          el('li', {}, el('blockquote', { class: 'quote', lang: 'zh-CN' }, m.quote[0], el('strong', {}, m.quote[1]), m.quote[2]), go),
        );
      }
      const year = r.year ? imt('yearOf', { year: r.year }) : imt('yearUnknown');
      box.append(el('h4', { 'data-year': String(r.year ?? '') }, `${year} · ${r.title || r.file}`), items);
    }
    return box;
  };
  ctx.card.add(section);
  lib.subscribe(() => ctx.card.redraw());
}
