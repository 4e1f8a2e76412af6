import { GROUP_OF, GROUP_STYLE } from '../../core/places/groups';
import type { PlaceFeatureT } from '../../core/places/model';
import type { Changed } from '../../core/state/changes';
import type { UrlState } from '../../core/state/url';
import { el } from '../dom';
import { categoryLabel, precisionLabel, t } from '../i18n';

/** A category dot: the group's colour and one-character icon. */
export function categoryDot(category: PlaceFeatureT['properties']['category']): HTMLElement {
  const style = GROUP_STYLE[GROUP_OF[category]];
  const dot = el('span', { class: `dot g-${GROUP_OF[category]}`, 'aria-hidden': 'true' }, style.icon);
  return dot;
}

/**
 * The filtered places as a plain list: the map's content for a screen reader or a keyboard, and
 * the quickest way to scan what the report names. Rebuilt only when what it lists changes.
 */
export class PlaceList {
  private shown: readonly PlaceFeatureT[] | undefined;
  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (id: string) => void,
  ) {}

  update(s: UrlState, changed: Changed, visible: readonly PlaceFeatureT[]): void {
    if (visible === this.shown && !changed.has('lang')) {
      if (changed.has('place'))
        for (const b of this.host.querySelectorAll<HTMLElement>('.place-item')) {
          const on = b.dataset.placeId === s.place;
          b.classList.toggle('is-selected', on);
          b.setAttribute('aria-pressed', String(on));
        }
      return;
    }
    this.shown = visible;
    const sorted = [...visible].sort(
      (a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'),
    );
    if (sorted.length === 0) {
      this.host.replaceChildren(el('p', { class: 'muted' }, t('listEmpty')));
      return;
    }
    const items = sorted.map((p) => {
      const pr = p.properties;
      const b = el(
        'button',
        {
          type: 'button',
          class: `place-item${p.id === s.place ? ' is-selected' : ''}`,
          'data-place-id': p.id,
          'aria-pressed': String(p.id === s.place),
        },
        categoryDot(pr.category),
        el('span', { class: 'place-name' }, s.lang === 'zh' ? pr.name : `${pr.name_en} ${pr.name}`),
        el(
          'span',
          { class: 'place-meta' },
          [
            categoryLabel(pr.category),
            pr.subdistrict ?? (pr.inXicheng ? '' : t('outsideFlag')),
            precisionLabel(pr.precision),
            `${pr.mentions}×`,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      );
      b.onclick = () => this.onSelect(p.id);
      return el('li', {}, b);
    });
    this.host.replaceChildren(el('ul', { class: 'place-list' }, ...items));
  }
}
