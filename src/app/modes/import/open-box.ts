import { el } from '../../dom';
import { imt } from './strings';

/** What a planner handed over: a file (chosen, dropped, pasted) or text (pasted, dropped). */
export type Source = { kind: 'file'; file: File; name: string } | { kind: 'text'; text: string; name: string };

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const pastedName = (html: boolean) => `pasted-${stamp()}.${html ? 'html' : 'txt'}`;

/** The sources in a drop or a paste: its files, else its text (HTML when that is all it has). */
export function sourcesOf(dt: DataTransfer | null): Source[] {
  if (!dt) return [];
  const files = [...dt.files];
  if (files.length) return files.map((file) => ({ kind: 'file', file, name: file.name || pastedName(false) }));
  const text = dt.getData('text/plain');
  if (text.trim()) return [{ kind: 'text', text, name: pastedName(false) }];
  const html = dt.getData('text/html');
  if (html.trim()) return [{ kind: 'text', text: html, name: pastedName(true) }];
  return [];
}

/**
 * Where a report comes in: a file input (.txt, saved .html), the box itself as a drop target and a
 * paste target, and a text area for pasted text. While the mode is on, a file dropped anywhere on
 * the page is taken too: the browser would otherwise open it in place of the app and lose the page.
 */
export function mountOpenBox(parent: HTMLElement, take: (s: Source) => void, emptyPaste: () => void) {
  const input = el('input', {
    type: 'file',
    id: 'import-file',
    accept: '.txt,.text,.html,.htm,text/plain,text/html',
    multiple: '',
    class: 'visually-hidden',
  });
  const choose = el('label', { for: 'import-file', class: 'btn import-choose' });
  const hint = el('span', { class: 'import-hint' });
  const box = el('div', { class: 'import-drop', id: 'import-drop', tabindex: '0' }, input, choose, hint);
  const area = el('textarea', { id: 'import-paste', rows: '4' });
  const read = el('button', { type: 'button', class: 'btn', id: 'import-read-pasted' });
  const status = el('p', { class: 'import-status', id: 'import-status', role: 'status' });
  parent.append(box, area, read, status);

  input.onchange = () => {
    for (const file of input.files ?? []) take({ kind: 'file', file, name: file.name });
    input.value = ''; // the same file chosen again is read again
  };
  read.onclick = () => {
    if (!area.value.trim()) {
      emptyPaste();
      return;
    }
    take({ kind: 'text', text: area.value, name: pastedName(false) });
    area.value = '';
  };
  box.addEventListener('paste', (e) => {
    const got = sourcesOf(e.clipboardData);
    e.preventDefault();
    if (got.length === 0) emptyPaste();
    for (const s of got) take(s);
  });
  const over = (e: DragEvent) => {
    e.preventDefault();
    box.classList.add('is-over');
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    box.classList.remove('is-over');
    for (const s of sourcesOf(e.dataTransfer)) take(s);
  };
  const leave = () => box.classList.remove('is-over');
  return {
    status(text: string) {
      status.textContent = text;
    },
    paint() {
      choose.textContent = imt('choose');
      hint.textContent = imt('dropHere');
      area.placeholder = imt('pastePlaceholder');
      area.setAttribute('aria-label', imt('pastePlaceholder'));
      read.textContent = imt('readPasted');
    },
    /** Drops anywhere on the page are this box's while the mode is on. */
    listen(on: boolean) {
      const f = on ? document.addEventListener.bind(document) : document.removeEventListener.bind(document);
      f('dragover', over as EventListener);
      f('drop', drop as EventListener);
      f('dragleave', leave);
    },
  };
}
