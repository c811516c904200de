/** Small DOM helpers: elements from tag, attributes and children, without a framework. */

/** A child: text, a node, nothing (null/undefined/false), or a list of those. */
export type Child = string | number | Node | null | undefined | false | Child[];

/** Attributes: strings/numbers/booleans set as attributes (false/null/undefined omitted), `on<event>` functions as listeners. */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: any) => void)>;

function apply(el: Element, attrs: Attrs | null | undefined, children: Child[]): void {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false && value != null) el.setAttribute(key, String(value));
  }
  el.append(...flatten(children));
}

function flatten(children: Child[]): (string | Node)[] {
  const out: (string | Node)[] = [];
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) out.push(...flatten(c));
    else out.push(typeof c === 'number' ? String(c) : c);
  }
  return out;
}

/** An HTML element: `h('a', { href: '/x', class: 'y' }, 'text')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, as `h` (attributes are SVG attributes, in user units). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs, children);
  return el;
}

/** "1 engagement", "3 engagements". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
