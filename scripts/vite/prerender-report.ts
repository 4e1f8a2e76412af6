import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { STRINGS } from '../../src/app/strings';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { buildIndex } from '../../src/core/places/index';
import { MentionsSchema, PlacesCollection, ProjectsSchema } from '../../src/core/places/model';
import { markupFingerprint, reportMarkup, toHtml } from '../../src/core/report/markup';
import { markupPlacesOf } from '../../src/core/report/markup-places';
import { ReportSchema } from '../../src/core/report/model';

/**
 * Puts the report into index.html at build time, so its text paints with the first frame,
 * before any script has run; the app keeps that text and only attaches its listeners. Made by
 * the same pure function the app would draw it with, from the same validated files.
 */
export function prerenderReport(root: string): Plugin {
  const read = (f: string) => readFileSync(resolve(root, 'geodata', f), 'utf8');
  return {
    name: 'atlas-prerender-report',
    transformIndexHtml(html) {
      const report = parseJsonWithSchema(read('report.json'), 'geodata/report.json', ReportSchema);
      const places = parseJsonWithSchema(read('places.geojson'), 'geodata/places.geojson', PlacesCollection);
      const mentions = parseJsonWithSchema(read('mentions.json'), 'geodata/mentions.json', MentionsSchema);
      const projects = parseJsonWithSchema(read('projects.json'), 'geodata/projects.json', ProjectsSchema);
      const index = buildIndex(report, places, mentions, projects);
      const input = { report, mentionsByParagraph: index.mentionsByParagraph, places: markupPlacesOf(index.places) };
      const markup = reportMarkup({ ...input, lang: 'zh', labels: { showOnMap: STRINGS.showOnMap.zh, contents: STRINGS.contents.zh } });
      // data-first-paint: the paragraphs below the first screen skip layout until the app adopts the
      // text (style.css), so the first frame lays out one screen of text, not the whole report.
      const mark = `data-prerendered="zh" data-fingerprint="${markupFingerprint(input)}" data-first-paint`;
      return html
        .replace('<div id="report-text" class="report-text">', `<div id="report-text" class="report-text" ${mark}>`)
        .replace('<!--atlas:report-->', toHtml(markup));
    },
  };
}
