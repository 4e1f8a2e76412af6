import './notice.css';
import { type Message, messageText, quoteForeign } from '../../core/state/link';

/**
 * The app's notice banner: one line per distinct message, at most MAX_LINES of them (the oldest
 * goes), each capped at MAX_CHARS; a message shown again is counted (×2) instead of repeated; a
 * close button. Text only: foreign text (from a link or a file) sits in <q> elements, so it reads
 * as quoted and never as the app's own words, and nothing in it is parsed as markup.
 */
export const MAX_LINES = 3;
export const MAX_CHARS = 300;

export interface Notice {
  show(message: string | Message): void;
  close(): void;
}

interface Line {
  key: string;
  message: Message;
  count: number;
}

/** Caps a message at `max` characters in all, cutting the part that crosses the limit. */
function capMessage(m: Message, max: number): Message {
  const out: Message = [];
  let left = max;
  for (const p of m) {
    if (left <= 0) break;
    const s = 'text' in p ? p.text : p.foreign;
    const cut = [...s].length > left ? `${[...s].slice(0, Math.max(0, left - 1)).join('')}…` : s;
    out.push('text' in p ? { text: cut } : { foreign: cut });
    left -= [...cut].length;
  }
  return out;
}

export function mountNotice(box: HTMLElement, closeLabel: () => string): Notice {
  let lines: Line[] = [];
  const render = () => {
    const list = document.createElement('ul');
    list.className = 'notice-lines';
    for (const l of lines) {
      const li = document.createElement('li');
      for (const p of l.message) {
        if ('text' in p) li.append(p.text);
        else {
          const q = document.createElement('q');
          q.className = 'notice-foreign';
          q.textContent = p.foreign;
          li.append(q);
        }
      }
      if (l.count > 1) {
        const n = document.createElement('span');
        n.className = 'notice-count';
        n.textContent = ` ×${l.count}`;
        li.append(n);
      }
      list.append(li);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    close.textContent = '×';
    close.setAttribute('aria-label', closeLabel());
    close.onclick = () => notice.close();
    box.replaceChildren(list, close);
  };
  const notice: Notice = {
    show(message) {
      // A banner hidden by anyone else (the kiosk's reset, the close button) starts afresh.
      if (box.hidden) lines = [];
      // Plain strings are the app's own words, but they may carry an error message that quotes a
      // file: control characters are spelled out there too.
      const m = capMessage(typeof message === 'string' ? [{ text: quoteForeign(message, MAX_CHARS) }] : message, MAX_CHARS);
      const key = messageText(m);
      const same = lines.find((l) => l.key === key);
      if (same) same.count++;
      else lines.push({ key, message: m, count: 1 });
      lines = lines.slice(-MAX_LINES);
      render();
      box.hidden = false;
    },
    close() {
      lines = [];
      box.replaceChildren();
      box.hidden = true;
    },
  };
  return notice;
}
