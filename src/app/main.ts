import type { Map as MlMap } from 'maplibre-gl';
import './style.css';
import { loadData } from './data';
import { createMap } from './map/create-map';
import { focusParagraphFromHash, renderReport } from './panels/report-panel';

declare global {
  interface Window {
    /** Handle for tests and the console: the live map and the data it shows. */
    atlas?: { map: MlMap; ready: true };
  }
}

function notice(message: string): void {
  const box = document.getElementById('notice');
  if (!box) return;
  box.textContent = message;
  box.hidden = false;
}

async function start(): Promise<void> {
  const reportEl = document.getElementById('report') as HTMLElement;
  const data = await loadData();
  document.getElementById('report-title')?.append(data.report.title);
  renderReport(reportEl, data.report);
  const onUnknown = (id: string) => notice(`没有找到段落 “${id}” · No paragraph “${id}” in this report`);
  focusParagraphFromHash(reportEl, onUnknown);
  window.addEventListener('hashchange', () => focusParagraphFromHash(reportEl, onUnknown));
  const map = await createMap(document.getElementById('map') as HTMLElement, data);
  map.once('idle', () => {
    window.atlas = { map, ready: true };
    document.body.dataset.mapReady = 'true';
  });
}

start().catch((e: unknown) => {
  notice(`载入失败 · Failed to load: ${e instanceof Error ? e.message : String(e)}`);
  console.error(e);
});
