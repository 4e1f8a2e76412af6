import './style.css';
import { afterFirstPaint } from './first-paint';

/**
 * The entry point, small on purpose. The report is already in the page (pre-rendered at build
 * time): the browser paints it first, then the app's code is evaluated and the map created. Run
 * straight away, evaluating MapLibre and creating a WebGL context (slow without a GPU) held the
 * first paint back by a second or more. The app's code is not fetched late for it: the build lists
 * it as <link rel="modulepreload"> in index.html (scripts/vite/preload-start.ts), so it downloads
 * and compiles while the page paints and is only run here.
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
