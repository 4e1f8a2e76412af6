import './style.css';
import { afterFirstPaint } from './first-paint';

/**
 * The entry point, small on purpose. The report is already in the page (pre-rendered at build
 * time): the browser paints it first, then the app's code is evaluated and the map created. Run
 * straight away, evaluating MapLibre and creating a WebGL context (slow without a GPU) held the
 * first paint back by a second or more. The app's code is fetched only then, not preloaded from
 * index.html: on two cores, compiling it beside the first frame's layout and raster delayed the
 * text by ~200 ms (median 590 → 390 ms, npm run bench), while time to map idle did not change.
 */
afterFirstPaint()
  .then(() => import('./start'))
  .catch((e: unknown) => {
    // The notice box's own code is in the chunk that failed: the message is written plainly, as text.
    const box = document.getElementById('notice');
    if (box) {
      box.textContent = `载入失败 · Failed to load: ${e instanceof Error ? e.message : String(e)}`;
      box.hidden = false;
    }
    console.error(e);
  });
