import { el } from '../../dom';
import { kt } from './strings';

/**
 * An overlay that a touch dismisses must also swallow that touch: it stays up until its own
 * click (or a moment later, if the finger dragged), so the tap does not also hit what is under it.
 */
function dismiss(overlay: HTMLElement): void {
  overlay.classList.add('is-leaving');
  const done = () => {
    overlay.hidden = true;
    overlay.classList.remove('is-leaving');
  };
  overlay.addEventListener('click', done, { once: true });
  window.setTimeout(done, 700);
}

/** The attract tour's call to action, and the reset countdown with its button to stay. */
export function mountOverlays(onStay: () => void) {
  const tourTitle = el('p', { class: 'kiosk-tour-title' });
  const tourSub = el('p', { class: 'kiosk-tour-sub', lang: 'en' });
  const tour = el(
    'div',
    { class: 'kiosk-tour', id: 'kiosk-tour', hidden: '' },
    el('div', { class: 'kiosk-tour-banner' }, el('span', { class: 'kiosk-tour-hand', 'aria-hidden': 'true' }), tourTitle, tourSub),
  );
  const warnText = el('p', { class: 'kiosk-warn-text' });
  const warnCount = el('p', { class: 'kiosk-warn-count', 'aria-live': 'assertive' });
  const warnBtn = el('button', { type: 'button', class: 'btn kiosk-warn-btn' });
  warnBtn.onclick = onStay;
  const warn = el(
    'div',
    { class: 'kiosk-warn', id: 'kiosk-warn', role: 'alertdialog', 'aria-modal': 'true', hidden: '' },
    el('div', { class: 'kiosk-warn-body' }, warnText, warnCount, warnBtn),
  );
  document.body.append(tour, warn);
  const show = (o: HTMLElement) => {
    o.classList.remove('is-leaving');
    o.hidden = false;
  };
  return {
    paint() {
      // The call to action is in both languages at once: nobody has chosen one yet.
      tourTitle.textContent = '触摸屏幕开始探索';
      tourSub.textContent = 'Touch the screen to explore';
      warnText.textContent = kt('warn');
      warnBtn.textContent = kt('keep');
    },
    showTour: () => show(tour),
    dismissTour: () => dismiss(tour),
    showWarning(seconds: number) {
      show(warn);
      warnCount.textContent = `${seconds}…`;
    },
    countdown(seconds: number) {
      warnCount.textContent = `${seconds}…`;
    },
    dismissWarning: () => dismiss(warn),
    hideWarning() {
      warn.hidden = true;
    },
  };
}
