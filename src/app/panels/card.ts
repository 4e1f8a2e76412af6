import type { Mention } from '../../core/geoparse/matcher';
import type { AtlasIndex } from '../../core/places/index';
import type { PlaceFeatureT } from '../../core/places/model';
import type { Report } from '../../core/report/model';
import { sentenceAt } from '../../core/report/sentences';
import { PHASE_LABELS } from '../../core/report/vocab';
import { el } from '../dom';
import { categoryLabel, lang, t } from '../i18n';
import { categoryDot } from './place-list';

export interface CardData {
  report: Report;
  mentions: readonly Mention[];
  index: AtlasIndex;
}

export interface CardHandlers {
  onClose(): void;
  onGoToMention(m: Mention): void;
  onSelect(placeId: string): void;
}

export function precisionText(p: PlaceFeatureT): string {
  const pr = p.properties;
  switch (pr.precision) {
    case 'exact':
      return t('exact');
    case 'approximate':
      return `${t('approx')} ${pr.uncertainty_m ?? '?'} ${t('metres')}`;
    case 'area':
      return t('areaPrec');
    case 'district-wide':
      return t('districtWide');
    case 'no-site':
      return t('noSite');
    case 'compound':
      return t('compound');
    case 'placed-by-user':
      return `${t('placedByUser')} ±${pr.uncertainty_m ?? '?'} ${t('metres')}`;
    case 'unlocated':
      return t('unlocated');
  }
}

const SOURCE_KIND = { shared: 'sourceShared', cited: 'sourceCited', estimated: 'sourceEstimated' } as const;

/** Mentions of a place in reading order; a compound's mentions are those of its own span. */
export function mentionsOf(data: CardData, placeId: string): Mention[] {
  const own = data.index.mentionsByPlace.get(placeId) ?? [];
  const viaCompound = data.mentions.filter((m) => m.via === placeId);
  const seen = new Set<string>();
  const order = data.index.paragraphOrder;
  return [...own, ...viaCompound]
    .filter((m) => {
      const k = `${m.paragraphId}:${m.start}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (order.get(a.paragraphId) ?? 0) - (order.get(b.paragraphId) ?? 0) || a.start - b.start);
}

function quoteOf(data: CardData, m: Mention): HTMLElement {
  const para = data.report.paragraphs.find((x) => x.id === m.paragraphId);
  const s = sentenceAt(data.report, m.paragraphId, m.start);
  const quote = el('blockquote', { class: 'quote', lang: 'zh-CN' });
  if (s && para)
    quote.append(para.text.slice(s.start, m.start), el('strong', {}, para.text.slice(m.start, m.end)), para.text.slice(m.end, s.end));
  return quote;
}

/**
 * The place card: names, category, 街道, how precise the location is and where it came from, and
 * every passage that mentions it, each quoting its sentence with a link back into the report.
 * On a phone it can be collapsed to its title, to read the report under it.
 */
export function renderCard(container: HTMLElement, data: CardData, place: PlaceFeatureT, current: number, h: CardHandlers): void {
  const p = place.properties;
  const mentions = mentionsOf(data, place.id);
  const close = el('button', { class: 'card-close', type: 'button', 'aria-label': t('close') }, '×');
  close.onclick = h.onClose;
  const fold = el('button', { class: 'card-fold', type: 'button', 'aria-expanded': 'true' }, t('collapseCard'));
  fold.onclick = () => setCardCollapsed(container, container.dataset.collapsed !== 'true');
  const where = p.inXicheng ? (p.subdistrict ?? '') : t('outsideFlag');
  const facts = el(
    'ul',
    { class: 'card-facts' },
    el('li', {}, categoryLabel(p.category)),
    where ? el('li', { class: 'card-subdistrict' }, where) : null,
    el('li', { class: `card-precision precision-${p.precision}` }, precisionText(place)),
    el('li', {}, `${t('mentions')} ${mentions.length}`),
  );
  const src = el(
    'details',
    { class: 'card-source' },
    el('summary', {}, `${t('source')}: ${t(SOURCE_KIND[p.source.kind])}`),
    el('p', { class: 'card-source-ref' }, p.source.ref),
    p.source.note ? el('p', {}, p.source.note) : null,
    el('p', { class: 'muted' }, `${t('geometryFrom')}: ${p.geometry_source}`),
  );
  const links = (ids: string[] | undefined, label: string) =>
    ids?.length
      ? el(
          'div',
          { class: 'card-links' },
          el('span', {}, `${label}: `),
          ...ids.map((id) => {
            const b = el(
              'button',
              { type: 'button', class: 'linklike', 'data-place-id': id },
              data.index.places.get(id)?.properties.name ?? id,
            );
            b.onclick = () => h.onSelect(id);
            return b;
          }),
        )
      : null;
  const list = el('ol', { class: 'card-mentions' });
  mentions.forEach((m, i) => {
    const para = data.report.paragraphs.find((x) => x.id === m.paragraphId);
    const go = el('button', { type: 'button', class: 'linklike go-to-mention', 'data-paragraph-id': m.paragraphId }, t('showInReport'));
    go.onclick = () => h.onGoToMention(m);
    list.append(
      el(
        'li',
        { class: i === current ? 'is-current' : undefined, 'data-paragraph-id': m.paragraphId },
        el('div', { class: 'muted' }, para ? `${PHASE_LABELS[para.phase][lang()]} · ${para.headingPath.at(-1) ?? ''}` : ''),
        quoteOf(data, m),
        go,
      ),
    );
  });
  const step = (d: number) => {
    const m = mentions[(current + d + mentions.length) % Math.max(1, mentions.length)];
    if (m) h.onGoToMention(m);
  };
  const prev = el('button', { type: 'button', class: 'step-prev' }, `‹ ${t('prev')}`);
  const next = el('button', { type: 'button', class: 'step-next' }, `${t('next')} ›`);
  prev.onclick = () => step(-1);
  next.onclick = () => step(1);
  const stepper = el(
    'div',
    { class: 'card-stepper' },
    prev,
    el('span', { class: 'step-pos' }, `${current + 1} / ${mentions.length}`),
    next,
  );
  const names = el(
    'div',
    { class: 'card-titles' },
    el('h2', { class: 'card-name' }, lang() === 'zh' ? p.name : p.name_en),
    el('div', { class: 'card-name-en', lang: lang() === 'zh' ? 'en' : 'zh-CN' }, lang() === 'zh' ? p.name_en : p.name),
  );
  container.replaceChildren(
    ...[
      el('div', { class: 'card-head' }, categoryDot(p.category), names, fold, close),
      el(
        'div',
        { class: 'card-body' },
        facts,
        links(p.parts, t('compound')),
        links(p.related, t('related')),
        mentions.length > 1 ? stepper : null,
        list,
        src,
      ),
    ],
  );
  container.hidden = false;
  container.dataset.placeId = place.id;
  setCardCollapsed(container, false);
}

/** A collapsed card shows only its title bar (a phone reading the paragraph the card pointed to). */
export function setCardCollapsed(container: HTMLElement, collapsed: boolean): void {
  container.dataset.collapsed = String(collapsed);
  const fold = container.querySelector<HTMLElement>('.card-fold');
  if (fold) {
    fold.textContent = collapsed ? t('expandCard') : t('collapseCard');
    fold.setAttribute('aria-expanded', String(!collapsed));
  }
}
