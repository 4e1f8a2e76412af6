import type { NearHit } from '../../../core/near/index';
import type { PlaceFeatureT } from '../../../core/places/model';
import { sentenceAt } from '../../../core/report/sentences';
import { PHASE_LABELS, type Phase } from '../../../core/report/vocab';
import type { AtlasData } from '../../data';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { categoryDot } from '../../panels/place-list';
import type { Store } from '../../store';
import { formatDistance, rt } from './strings';

const phaseLabel = (p: Phase) => PHASE_LABELS[p][lang()];

/** The report's own sentences about a place: its projects' sentences, else the sentences that name it. */
export function sentencesOf(data: AtlasData, placeId: string): Array<{ text: string; phase: Phase }> {
  const out: Array<{ text: string; phase: Phase }> = [];
  const seen = new Set<string>();
  for (const p of data.index.projectsByPlace.get(placeId) ?? []) {
    if (seen.has(p.quote)) continue;
    seen.add(p.quote);
    out.push({ text: p.quote, phase: p.phase });
  }
  if (out.length === 0)
    for (const m of data.index.mentionsByPlace.get(placeId) ?? []) {
      const s = sentenceAt(data.report, m.paragraphId, m.start);
      const para = data.report.paragraphs.find((x) => x.id === m.paragraphId);
      if (!s || !para || seen.has(s.text)) continue;
      seen.add(s.text);
      out.push({ text: s.text.trim(), phase: para.phase });
    }
  return out;
}

const quoteItem = (q: { text: string; phase: Phase }) =>
  el(
    'li',
    { class: 'resident-quote' },
    el('span', { class: 'tag resident-phase', 'data-phase': q.phase }, phaseLabel(q.phase)),
    el('q', { lang: 'zh-CN' }, q.text),
  );

/** One place near the centre: name, distance, what and where, and the report's words about it. */
function item(data: AtlasData, h: NearHit, selected: string | undefined, store: Store, onSelect: (id: string) => void): HTMLElement {
  const p = data.index.places.get(h.id) as PlaceFeatureT;
  const pr = p.properties;
  const head = el(
    'button',
    { type: 'button', class: 'resident-item-head', 'aria-pressed': String(h.id === selected) },
    categoryDot(pr.category),
    el('span', { class: 'resident-item-name' }, lang() === 'zh' ? pr.name : pr.name_en),
    el('span', { class: 'resident-distance' }, formatDistance(h.distanceM)),
  );
  head.onclick = () => onSelect(h.id);
  head.onfocus = () => store.hover(h.id);
  head.onblur = () => store.hover(undefined);
  const quotes = sentencesOf(data, h.id);
  const meta = el(
    'p',
    // On a phone a row shows its first sentence only (CSS), and its meta line says how many more.
    { class: 'resident-item-meta', 'data-more': quotes.length > 1 ? rt('andMore').replace('{n}', String(quotes.length - 1)) : undefined },
    [categoryLabel(pr.category), pr.phases.map(phaseLabel).join(' / '), pr.subdistrict ?? ''].filter(Boolean).join(' · '),
  );
  const rest =
    quotes.length > 2
      ? el(
          'details',
          { class: 'resident-more' },
          el('summary', {}, `${rt('more')} (${quotes.length - 2})`),
          el('ul', { class: 'resident-quotes' }, ...quotes.slice(2).map(quoteItem)),
        )
      : null;
  const li = el(
    'li',
    { class: `resident-item${h.id === selected ? ' is-selected' : ''}`, 'data-place-id': h.id, 'data-distance': h.distanceM.toFixed(1) },
    head,
    meta,
    el('ul', { class: 'resident-quotes' }, ...quotes.slice(0, 2).map(quoteItem)),
    rest,
  );
  li.onpointerenter = () => store.hover(h.id);
  li.onpointerleave = () => store.hover(undefined);
  return li;
}

/** The places within the radius, nearest first, and a line saying how many (and how many the filters hide). */
export function renderNearList(
  list: HTMLElement,
  summary: HTMLElement,
  data: AtlasData,
  hits: NearHit[],
  hidden: number,
  selected: string | undefined,
  store: Store,
  onSelect: (id: string) => void,
): void {
  list.replaceChildren(...hits.map((h) => item(data, h, selected, store, onSelect)));
  const sentences = hits.reduce((n, h) => n + sentencesOf(data, h.id).length, 0);
  summary.replaceChildren(
    hits.length
      ? `${hits.length} ${rt('placesWithin')} · ${sentences} ${rt('sentencesWithin')}`
      : el('span', { class: 'muted' }, rt('none')),
    hidden > 0 ? el('span', { class: 'muted resident-hidden' }, ` (${hidden} ${rt('hiddenByFilters')})`) : '',
  );
}
