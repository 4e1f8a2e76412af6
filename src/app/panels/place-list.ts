import { GROUP_OF, GROUP_STYLE } from '../../core/places/groups';
import type { PlaceFeatureT } from '../../core/places/model';
import { el } from '../dom';
import { categoryLabel, precisionLabel, t } from '../i18n';

/**
 * The filtered places as a plain list: the map's content for a screen reader or a keyboard, and
 * the quickest way to scan what the report names.
 */
export function renderPlaceList(
  container: HTMLElement,
  places: PlaceFeatureT[],
  selected: string | undefined,
  onSelect: (id: string) => void,
): void {
  const sorted = [...places].sort(
    (a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'),
  );
  if (sorted.length === 0) {
    container.replaceChildren(el('p', { class: 'muted' }, t('listEmpty')));
    return;
  }
  const items = sorted.map((p) => {
    const style = GROUP_STYLE[GROUP_OF[p.properties.category]];
    const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style.icon);
    dot.style.background = style.colour;
    dot.style.color = style.ink;
    const b = el(
      'button',
      {
        type: 'button',
        class: `place-item${p.id === selected ? ' is-selected' : ''}`,
        'data-place-id': p.id,
        'aria-pressed': String(p.id === selected),
      },
      dot,
      el('span', { class: 'place-name' }, p.properties.name),
      el(
        'span',
        { class: 'place-meta' },
        `${categoryLabel(p.properties.category)} · ${p.properties.subdistrict ?? (p.properties.inXicheng ? '' : t('outsideFlag'))} · ${precisionLabel(p.properties.precision)} · ${p.properties.mentions}×`,
      ),
    );
    b.onclick = () => onSelect(p.id);
    return el('li', {}, b);
  });
  container.replaceChildren(el('ul', { class: 'place-list' }, ...items));
}
