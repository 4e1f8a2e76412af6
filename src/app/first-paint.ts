/**
 * Resolves once the page's first contentful paint has reached the screen (the report is in the
 * HTML, so that paint shows its text). Waiting for the presentation, not only for the main
 * thread's paint: without a GPU the compositor shares SwiftShader with WebGL, and a frame painted
 * just before the map's context and shaders are created is put on screen only after them.
 *
 * Where Paint Timing is missing, after the next frame (a task queued from an animation frame runs
 * once that frame is painted). A hidden page paints nothing, so there it resolves at once; and in
 * any case by `capMs`, so that a browser that never reports the paint still starts the app.
 */
export function afterFirstPaint(capMs = 3000): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(cap);
      resolve();
    };
    const cap = setTimeout(finish, capMs);
    let observer: PerformanceObserver | undefined;
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) finish();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = finish;
        channel.port2.postMessage(undefined);
      });
    }
  });
}
