import { type DistrictEntry, describeEntry } from '../../../core/gazetteer/district';
import type { Addition } from '../../../core/import/model';
import { el } from '../../dom';
import { categoryLabel, lang, t } from '../../i18n';
import { imt } from './strings';

/**
 * What a mark of an opened report names when it is not one of the atlas's places (those open the
 * place card): a district-gazetteer entry or a place the planner placed. A small box over the map,
 * text only, with the mentions of it in the report shown, each a link into the text.
 */
export class InfoBox {
  readonly el: HTMLElement;
  constructor(parent: HTMLElement) {
    this.el = el('section', { class: 'import-info', id: 'import-info', hidden: '', 'aria-live': 'polite' });
    parent.append(this.el);
  }

  show(
    what: { kind: 'district'; entry: DistrictEntry } | { kind: 'added'; addition: Addition },
    mentions: ReadonlyArray<{ paragraphId: string; start: number }>,
    goTo: (paragraphId: string, start: number) => void,
  ): void {
    const zh = lang() === 'zh';
    const name = what.kind === 'district' ? what.entry.name : what.addition.name;
    const nameEn = what.kind === 'district' ? what.entry.name_en : what.addition.name_en;
    const id = what.kind === 'district' ? what.entry.id : what.addition.id;
    const about =
      what.kind === 'district'
        ? describeEntry(what.entry, zh ? 'zh' : 'en')
        : `${imt('addedByYou')} · ${categoryLabel(what.addition.category)} · ±${what.addition.uncertainty_m} ${t('metres')}`;
    const close = el('button', { type: 'button', class: 'card-close', 'aria-label': t('close') }, '×');
    close.onclick = () => this.hide();
    const links = el('ol', { class: 'import-info-mentions' });
    for (const m of mentions) {
      const b = el('button', { type: 'button', class: 'linklike', 'data-paragraph-id': m.paragraphId }, `${m.paragraphId}`);
      b.onclick = () => goTo(m.paragraphId, m.start);
      links.append(el('li', {}, b));
    }
    this.el.replaceChildren(
      el(
        'div',
        { class: 'card-head' },
        el('div', { class: 'card-titles' }, el('h2', { class: 'card-name' }, zh ? name : nameEn), el('div', {}, zh ? nameEn : name)),
        close,
      ),
      el('p', {}, about),
      el('p', { class: 'muted' }, imt('mentionsHere', { n: mentions.length })),
      links,
    );
    this.el.dataset.id = id;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
    delete this.el.dataset.id;
  }
}
