import type { PlaceFeatureT } from '../../core/places/model';
import { el } from '../dom';
import { categoryLabel, lang, t } from '../i18n';
import { categoryDot } from './place-list';

/**
 * Places drawn at the same spot never hide each other: a tap there opens this small list of them
 * beside the finger, and choosing one opens its card. Escape, a tap elsewhere or a move closes it.
 */
export class Chooser {
  readonly el = el('div', { class: 'chooser', id: 'chooser', role: 'dialog', hidden: '' });
  private readonly onDocDown = (e: PointerEvent) => {
    if (!this.el.contains(e.target as Node)) this.close();
  };

  constructor(host: HTMLElement) {
    host.append(this.el);
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  get open(): boolean {
    return !this.el.hidden;
  }

  show(places: readonly PlaceFeatureT[], at: { x: number; y: number }, onChoose: (id: string) => void): void {
    const title = el('p', { class: 'chooser-title', id: 'chooser-title' }, t('chooseTitle'));
    const items = places.map((p) => {
      const b = el(
        'button',
        { type: 'button', class: 'chooser-item', 'data-place-id': p.id },
        categoryDot(p.properties.category),
        el('span', { class: 'chooser-name' }, lang() === 'zh' ? p.properties.name : p.properties.name_en),
        el('span', { class: 'chooser-meta' }, categoryLabel(p.properties.category)),
      );
      b.onclick = () => {
        this.close();
        onChoose(p.id);
      };
      return el('li', {}, b);
    });
    this.el.setAttribute('aria-labelledby', 'chooser-title');
    this.el.replaceChildren(title, el('ul', {}, ...items));
    this.el.hidden = false;
    // Beside the finger, kept inside the map panel.
    const host = this.el.parentElement?.getBoundingClientRect();
    const w = this.el.offsetWidth;
    const hgt = this.el.offsetHeight;
    const x = host ? Math.max(8, Math.min(at.x + 12, host.width - w - 8)) : at.x;
    const y = host ? Math.max(8, Math.min(at.y + 12, host.height - hgt - 8)) : at.y;
    this.el.style.left = `${x}px`;
    this.el.style.top = `${y}px`;
    (this.el.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
    document.addEventListener('pointerdown', this.onDocDown, { capture: true });
  }

  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    document.removeEventListener('pointerdown', this.onDocDown, { capture: true });
  }
}
