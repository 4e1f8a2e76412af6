import { type Flow, type FlowKind, outwardFlows } from '../../../core/analysis/flows';
import { representativePoint } from '../../../core/geo/represent';
import { el } from '../../dom';
import type { AppContext } from '../context';
import type { PlannerDeck } from './deck';
import { tr } from './text';

const KIND: Record<FlowKind, { zh: string; en: string; colour: [number, number, number] }> = {
  relocation: { zh: '市场疏解去向', en: 'Market relocation', colour: [155, 34, 38] },
  housing: { zh: '区外保障房', en: 'Affordable housing elsewhere', colour: [46, 111, 158] },
  assistance: { zh: '对口帮扶', en: 'Paired assistance', colour: [27, 94, 32] },
  cooperation: { zh: '协同合作', en: 'Cooperation', colour: [140, 109, 70] },
};

interface Arc {
  id: string;
  from: [number, number];
  to: [number, number];
  colour: [number, number, number];
}

/**
 * Outward flows: arcs (deck.gl ArcLayer) from Xicheng to each outside place the report gives
 * work at, and a list of them with the report's sentences. A click on an arc or a row opens the
 * place's card.
 */
export async function renderFlows(container: HTMLElement, ctx: AppContext, deck: PlannerDeck, origin: [number, number]): Promise<Flow[]> {
  const flows = outwardFlows(ctx.data.places.features, ctx.data.projects);
  const open = (id: string) => ctx.select(id);
  const zh = (k: FlowKind) => tr(KIND[k].zh, KIND[k].en);
  const list = el('ul', { class: 'planner-flows' });
  for (const f of flows) {
    const seen = new Set<string>();
    const quotes = f.projects.filter((p) => !seen.has(p.quote) && seen.add(p.quote));
    const btn = el('button', { type: 'button', class: 'linklike flow-open', 'data-place-id': f.place.id }, f.place.properties.name);
    btn.onclick = () => open(f.place.id);
    list.append(
      el(
        'li',
        { 'data-kind': f.kind },
        el('span', { class: 'flow-kind', style: `background:rgb(${KIND[f.kind].colour.join(',')})` }, zh(f.kind)),
        ' ',
        btn,
        ' ',
        el('span', { class: 'muted' }, f.place.properties.name_en),
        ...quotes.map((p) => el('blockquote', { class: 'planner-quote' }, el('span', { class: 'pid' }, `[${p.paragraphId}] `), p.quote)),
      ),
    );
  }
  container.replaceChildren(
    el(
      'p',
      { class: 'claim-method' },
      tr(
        `${flows.length} 处区外地点有报告中的具体工作。报告提到的市场疏解承接地未具名,本图没有其位置,故无“市场疏解去向”的弧线。`,
        `${flows.length} places outside Xicheng carry work named in the report. The report does not name where relocated markets went, so there are no market-relocation arcs.`,
      ),
    ),
    list,
  );
  const { ArcLayer } = await import('@deck.gl/layers');
  const arcs: Arc[] = flows.flatMap((f) => {
    const to = representativePoint(f.place.geometry);
    return to ? [{ id: f.place.id, from: origin, to, colour: KIND[f.kind].colour }] : [];
  });
  deck.set('flows', [
    new ArcLayer<Arc>({
      id: 'planner-flows',
      data: arcs,
      getSourcePosition: (d) => d.from,
      getTargetPosition: (d) => d.to,
      getSourceColor: [155, 34, 38],
      getTargetColor: (d) => d.colour,
      getWidth: 3,
      widthUnits: 'pixels',
      getHeight: 0.4,
      pickable: true,
      onClick: (info) => {
        if (info.object) open(info.object.id);
      },
    }),
  ]);
  return flows;
}
