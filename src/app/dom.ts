/** Element builder that only ever sets text, never HTML: data from files is rendered as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** DOM nodes for a markup tree built by core code (attributes set one by one, text as text). */
export function fromMarkup(nodes: readonly import('../core/report/markup').MarkupNode[]): Node[] {
  return nodes.map((n) => {
    if (typeof n === 'string') return document.createTextNode(n);
    const node = document.createElement(n.tag);
    for (const [k, v] of Object.entries(n.attrs)) node.setAttribute(k, v);
    node.append(...fromMarkup(n.children));
    return node;
  });
}
