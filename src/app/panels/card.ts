import type { Mention } from '../../core/geoparse/matcher';
import { GROUP_OF, GROUP_STYLE } from '../../core/places/groups';
import type { PlaceFeatureT } from '../../core/places/model';
import { PHASE_LABELS } from '../../core/report/model';
import { sentenceAt } from '../../core/report/sentences';
import type { AtlasData } from '../data';
import { el } from '../dom';
import { categoryLabel, lang, t } from '../i18n';

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
  }
}

/** Mentions of a place in reading order; a compound's mentions are those of its own span. */
export function mentionsOf(data: AtlasData, placeId: string): Mention[] {
  const own = data.index.mentionsByPlace.get(placeId) ?? [];
  const viaCompound = data.mentions.filter((m) => m.via === placeId);
  const seen = new Set<string>();
  return [...own, ...viaCompound]
    .filter((m) => {
      const k = `${m.paragraphId}:${m.start}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort(
      (a, b) =>
        (data.index.paragraphOrder.get(a.paragraphId) ?? 0) - (data.index.paragraphOrder.get(b.paragraphId) ?? 0) || a.start - b.start,
    );
}

/**
 * The place card: names, category, 街道, how precise the location is and where it came from, and
 * every passage that mentions it, each quoting its sentence with a link back into the report.
 */
export function renderCard(container: HTMLElement, data: AtlasData, place: PlaceFeatureT, current: number, h: CardHandlers): void {
  const p = place.properties;
  const style = GROUP_STYLE[GROUP_OF[p.category]];
  const mentions = mentionsOf(data, place.id);
  const icon = el('span', { class: 'card-icon', 'aria-hidden': 'true' }, style.icon);
  icon.style.background = style.colour;
  icon.style.color = style.ink;
  const close = el('button', { class: 'card-close', type: 'button', 'aria-label': t('close') }, '×');
  close.onclick = h.onClose;
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
    el('summary', {}, `${t('source')}: ${p.source.kind}`),
    el('p', {}, p.source.ref),
    p.source.note ? el('p', {}, p.source.note) : null,
    el('p', { class: 'muted' }, `geometry: ${p.geometry_source}`),
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
    const s = sentenceAt(data.report, m.paragraphId, m.start);
    const quote = el('blockquote', { class: 'quote' });
    if (s && para) {
      quote.append(para.text.slice(s.start, m.start), el('strong', {}, para.text.slice(m.start, m.end)), para.text.slice(m.end, s.end));
    }
    const go = el(
      'button',
      { type: 'button', class: 'linklike go-to-mention', 'data-paragraph-id': m.paragraphId },
      `${t('showInReport')} · ${m.paragraphId}`,
    );
    go.onclick = () => h.onGoToMention(m);
    list.append(
      el(
        'li',
        { class: i === current ? 'is-current' : undefined, 'data-paragraph-id': m.paragraphId },
        el('div', { class: 'muted' }, para ? `${PHASE_LABELS[para.phase][lang()]} · ${para.headingPath.at(-1) ?? ''}` : ''),
        quote,
        go,
      ),
    );
  });
  const prev = el('button', { type: 'button', class: 'step-prev' }, `‹ ${t('prev')}`);
  const next = el('button', { type: 'button', class: 'step-next' }, `${t('next')} ›`);
  const step = (d: number) => {
    if (mentions.length === 0) return;
    const i = (current + d + mentions.length) % mentions.length;
    const m = mentions[i];
    if (m) h.onGoToMention(m);
  };
  prev.onclick = () => step(-1);
  next.onclick = () => step(1);
  const stepper = el(
    'div',
    { class: 'card-stepper' },
    prev,
    el('span', { class: 'step-pos' }, mentions.length ? `${current + 1} / ${mentions.length}` : '0'),
    next,
  );

  const parts: Array<HTMLElement | null> = [
    el(
      'div',
      { class: 'card-head' },
      icon,
      el('div', {}, el('h2', { class: 'card-name' }, p.name), el('div', { class: 'card-name-en' }, p.name_en)),
      close,
    ),
    facts,
    links(p.parts, t('compound')),
    links(p.related, t('related')),
    mentions.length > 1 ? stepper : null,
    list,
    src,
  ];
  container.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  container.hidden = false;
  container.dataset.placeId = place.id;
}
