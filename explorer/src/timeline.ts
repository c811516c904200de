/**
 * The timeline: one row per dated engagement, a bar over every day its date allows (from the API's
 * `earliest` to `latest`, inclusive: "late October" covers 21–31 October), coloured by kind, on a
 * d3 time scale drawn as SVG. Engagements without both bounds are not drawn (the view lists them
 * apart), never put at a made-up day. Each bar links to its engagement.
 */
import { scaleTime } from 'd3-scale';
import { dayRange, formatPartialDate } from './dates.ts';
import { h, s } from './dom.ts';
import { kindColour, kindWord } from './kinds.ts';
import { pathOf } from './router.ts';
import type { EngagementItem } from './types.ts';

const DAY_MS = 86_400_000;
const ROW = 28;
const BAR = 14;
const TOP = 26;
const SIDE = 10;
/** Rough width of a label character at the label's font size (px), to keep labels inside the frame. */
const CHAR_PX = 6.6;

/** The timeline figure; `update` redraws it with another set of engagements. */
export interface Timeline {
  node: HTMLElement;
  update(engagements: EngagementItem[]): void;
}

/** A timeline of `engagements` (any order; undated ones are skipped), sized to its container's width. */
export function timeline(engagements: EngagementItem[]): Timeline {
  const figure = h('figure', { class: 'timeline', id: 'timeline' });
  let current = engagements;
  let width = 0;
  const draw = () => {
    width = Math.max(280, Math.floor(figure.clientWidth || 640));
    figure.replaceChildren(render(current, width));
  };
  new ResizeObserver(() => {
    if (Math.max(280, Math.floor(figure.clientWidth)) !== width) draw();
  }).observe(figure);
  return {
    node: figure,
    update(next) {
      current = next;
      draw();
    },
  };
}

function render(engagements: EngagementItem[], width: number): Element {
  const dated = engagements
    .map((e) => ({ e, range: dayRange(e.date) }))
    .filter((d): d is { e: EngagementItem; range: [Date, Date] } => d.range !== null)
    .sort((a, b) => a.range[0].getTime() - b.range[0].getTime() || a.range[1].getTime() - b.range[1].getTime());
  if (!dated.length) return h('p', { class: 'empty' }, 'No dated engagements to draw.');

  const start = Math.min(...dated.map((d) => d.range[0].getTime()));
  const end = Math.max(...dated.map((d) => d.range[1].getTime()));
  const span = Math.max(end - start, 14 * DAY_MS);
  const pad = span * 0.06 + (span - (end - start)) / 2;
  const x = scaleTime()
    .domain([new Date(start - pad), new Date(end + pad)])
    .range([SIDE, width - SIDE]);
  const height = TOP + dated.length * ROW + 6;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 140)));
  const tickLabel = x.tickFormat();

  const svg = s('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': `Timeline of ${dated.length} dated engagements`,
    'data-bars': dated.length,
  });
  svg.append(
    s('g', { class: 'axis', 'aria-hidden': 'true' },
      ticks.map((t) => s('g', null,
        s('line', { x1: x(t), x2: x(t), y1: TOP - 6, y2: height, class: 'grid' }),
        // Labels near an edge are anchored inside the frame.
        s('text', { x: x(t), y: TOP - 10, 'text-anchor': x(t) < SIDE + 24 ? 'start' : x(t) > width - SIDE - 24 ? 'end' : 'middle' }, tickLabel(t))))),
  );
  dated.forEach(({ e, range }, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    const x0 = x(range[0]);
    const x1 = Math.max(x(range[1]), x0 + 3);
    const words = formatPartialDate(e.date);
    const label = `${kindWord(e.kind)} · ${e.date?.text || words}`;
    const labelPx = label.length * CHAR_PX;
    // Right of the bar, else left of it, else inside it (a bar across most of the frame).
    const place = x1 + 6 + labelPx < width - SIDE ? 'right' : x0 - 6 - labelPx > SIDE ? 'left' : 'inside';
    svg.append(
      s('a', { href: pathOf('Engagement', e.id), class: 'bar-link', 'aria-label': `${kindWord(e.kind)}, ${words}: ${e.summary}` },
        s('title', null, `${kindWord(e.kind)}, ${words}\n${e.summary}`),
        s('rect', {
          class: 'bar', x: x0, y, width: x1 - x0, height: BAR, rx: 3, fill: kindColour(e.kind),
          'data-id': e.id, 'data-kind': e.kind, 'data-earliest': e.date?.earliest ?? '', 'data-latest': e.date?.latest ?? '',
        }),
        s('text', {
          x: place === 'right' ? x1 + 6 : place === 'left' ? x0 - 6 : x0 + 6,
          y: y + BAR - 3,
          'text-anchor': place === 'left' ? 'end' : 'start',
          class: place === 'inside' ? 'bar-label inside' : 'bar-label',
        }, label)),
    );
  });
  return svg;
}
