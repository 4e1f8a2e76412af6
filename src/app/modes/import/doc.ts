import type { DistrictEntry } from '../../../core/gazetteer/district';
import { KIND_CATEGORY } from '../../../core/gazetteer/district-kinds';
import type { Mention } from '../../../core/geoparse/matcher';
import type { Addition, StoredReport } from '../../../core/import/model';
import type { MarkupPlace } from '../../../core/report/markup';
import { PHASE_LABELS, type Phase } from '../../../core/report/vocab';
import type { Lang } from '../../../core/state/url';
import type { ReportDoc, ReportHandlers } from '../../panels/report-panel';
import { IMPORT_STRINGS } from './strings';

/** Every mention of an opened report (project places, district entries, additions) by paragraph, in reading order. */
export function mentionsByParagraph(stored: StoredReport): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const m of [...stored.mapped.mentions, ...stored.mapped.districtMentions]) {
    const list = out.get(m.paragraphId) ?? [];
    list.push(m);
    out.set(m.paragraphId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** Time-frame tags for another year's report: the bundled report's name 2012–2016 and 2017. */
export function phaseLabel(year: number | null): (phase: Phase, lang: Lang) => string {
  return (phase, lang) => {
    if (phase === 'review') return IMPORT_STRINGS.review[lang];
    if (phase === 'plan') return IMPORT_STRINGS.plan[lang];
    if (phase === 'tasks') return year ? IMPORT_STRINGS.tasks[lang].replace('{year}', String(year)) : IMPORT_STRINGS.tasksNoYear[lang];
    return PHASE_LABELS[phase][lang];
  };
}

/**
 * An opened report as the report panel shows it: the same markup as the bundled one, its marks
 * naming the project's places, the district gazetteer's entries (a station, a 社区) and the places
 * the planner placed, each in the colour of its category.
 */
export function docOf(
  stored: StoredReport,
  bundledPlaces: ReadonlyMap<string, MarkupPlace>,
  district: ReadonlyMap<string, DistrictEntry>,
  additions: ReadonlyMap<string, Addition>,
  handlers: Pick<ReportHandlers, 'onMentionClick' | 'onShowParagraph'>,
): ReportDoc {
  const places = new Map(bundledPlaces);
  for (const m of stored.mapped.districtMentions) {
    const e = district.get(m.placeId);
    if (e) places.set(e.id, { name: e.name, name_en: e.name_en, category: KIND_CATEGORY[e.kind], mapped: true });
  }
  for (const a of additions.values()) places.set(a.id, { name: a.name, name_en: a.name_en, category: a.category, mapped: true });
  return {
    key: stored.id,
    report: stored.mapped.report,
    mentionsByParagraph: mentionsByParagraph(stored),
    places,
    phaseLabel: phaseLabel(stored.year),
    handlers,
  };
}
