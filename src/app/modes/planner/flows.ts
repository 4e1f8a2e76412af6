import { representativePoint } from '../../../core/analysis/export';
import { type Flow, type FlowKind, outwardFlows } from '../../../core/analysis/flows';
import type { PlaceFeatureT, ProjectT } from '../../../core/places/model';
import { el } from '../../dom';
import type { DeckOverlay } from '../../map/deck';
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

export function flowsOf(places: readonly PlaceFeatureT[], projects: readonly ProjectT[]): Flow[] {
  return outwardFlows(places, projects);
}

/** The outward flows as a list with the report's sentences; a row opens the place's card. */
export function renderFlowList(container: HTMLElement, flows: readonly Flow[], open: (id: string) => void): void {
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
        el('span', { class: `flow-kind flow-${f.kind}` }, tr(KIND[f.kind].zh, KIND[f.kind].en)),
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
        `${flows.length} 处区外地点有报告中的具体工作。报告提到的市场疏解承接地未具名,本图没有其位置,故无“市场疏解去向”的弧线。弧线随“区外地点”开关和筛选显示。`,
        `${flows.length} places outside Xicheng carry work named in the report. The report does not name where relocated markets went, so there are no market-relocation arcs. The arcs follow the “places outside” switch and the filters.`,
      ),
    ),
    list,
  );
}

/**
 * The flows as arcs (deck.gl ArcLayer) from Xicheng to each outside place that is shown: only
 * while the places outside are on, only those passing the filters, at the layer list's opacity.
 */
export async function drawFlows(
  deck: DeckOverlay,
  flows: readonly Flow[],
  shown: ReadonlySet<string> | null,
  origin: [number, number],
  opacity: number,
  open: (id: string) => void,
): Promise<number> {
  const arcs: Arc[] = shown
    ? flows.flatMap((f) => {
        const to = f.place.properties.label ?? representativePoint(f.place.geometry);
        return to && shown.has(f.place.id) ? [{ id: f.place.id, from: origin, to, colour: KIND[f.kind].colour }] : [];
      })
    : [];
  if (arcs.length === 0 || opacity === 0) {
    await deck.set('flows', []);
    return 0;
  }
  const { ArcLayer } = await import('@deck.gl/layers');
  await deck.set('flows', [
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
      opacity,
      pickable: true,
      onClick: (info) => {
        if (info.object) open(info.object.id);
      },
    }),
  ]);
  return arcs.length;
}
