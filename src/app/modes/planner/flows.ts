import { type Flow, type FlowKind, outwardFlows } from '../../../core/analysis/flows';
import { representativePoint } from '../../../core/geo/represent';
import type { PlaceFeatureT, ProjectT } from '../../../core/places/model';
import { el } from '../../dom';
import type { DeckOverlay } from '../../map/deck';
import { type PlannerString, pt } from './strings';

const KIND: Record<FlowKind, { label: PlannerString; colour: [number, number, number] }> = {
  relocation: { label: 'flowRelocation', colour: [155, 34, 38] },
  housing: { label: 'flowHousing', colour: [46, 111, 158] },
  assistance: { label: 'flowAssistance', colour: [27, 94, 32] },
  cooperation: { label: 'flowCooperation', colour: [140, 109, 70] },
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
        el('span', { class: `flow-kind flow-${f.kind}` }, pt(KIND[f.kind].label)),
        ' ',
        btn,
        ' ',
        el('span', { class: 'muted' }, f.place.properties.name_en),
        ...quotes.map((p) => el('blockquote', { class: 'planner-quote' }, el('span', { class: 'pid' }, `[${p.paragraphId}] `), p.quote)),
      ),
    );
  }
  container.replaceChildren(el('p', { class: 'claim-method' }, pt('lengthPlacesOutsideXichengCarry', { length: flows.length })), list);
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
