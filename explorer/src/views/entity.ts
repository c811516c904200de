/**
 * The page of a person, organisation or place (one request: EntityPage): who it is, roles over
 * time, the timeline of its engagements (filterable by kind and period through the URL:
 * ?kinds=MEETING,VISIT&from=YYYY-MM-DD&to=YYYY-MM-DD), the network of co-participants, quotes and
 * articles. Long lists page with "More".
 */
import { request } from '../client.ts';
import { dayRange, formatPartialDate, parseDay, type PartialDate } from '../dates.ts';
import { h, plural } from '../dom.ts';
import { ENGAGEMENT_KINDS, kindColour, kindWord } from '../kinds.ts';
import type { NetEdge, NetNode } from '../network.ts';
import { EntityPage, MoreArticles, MoreEngagements } from '../operations.ts';
import { navigate, pathOf, type Route } from '../router.ts';
import { timeline } from '../timeline.ts';
import type { ArticleItem, CoActor, Connection, EngagementItem, NamedRef, QuoteItem, RoleItem } from '../types.ts';
import { articleRow, empty, engagementRow, nodeLink, pagedList, quoteRow, section, typeBadge, type View } from './common.ts';

/** Engagements per page: enough for a readable timeline, within the API's default MAX_PAGE_SIZE (100). */
const ENGAGEMENT_PAGE = 50;
const ARTICLE_PAGE = 10;
/** Quotes come as one list; show this many, then reveal the rest on request. */
const QUOTES_SHOWN = 8;

/** The routes this view serves, each also the EntityPage field (and flag variable) of its kind. */
type Kind = 'person' | 'organisation' | 'place';

interface Entity {
  id: string;
  name: string;
  slug: string;
  aliases: string[];
  sameAs: string[];
  acronym?: string | null;
  kind?: string;
  iso3166?: string | null;
  nationality?: NamedRef | null;
  country?: NamedRef | null;
  parent?: NamedRef | null;
  roles?: RoleItem[];
  members?: RoleItem[];
  engagedWith?: CoActor[];
  engagements: Connection<EngagementItem>;
  quotes?: QuoteItem[];
  articles: Connection<ArticleItem>;
}

interface Filter {
  kinds?: string[];
  from?: string;
  to?: string;
}

/** The engagement filter the URL asks for (sent to the API as is: the API judges it). */
function filterOf(query: URLSearchParams): Filter | undefined {
  const kinds = (query.get('kinds') ?? '').split(',').filter(Boolean);
  const filter: Filter = {};
  if (kinds.length) filter.kinds = kinds;
  if (query.get('from')) filter.from = query.get('from')!;
  if (query.get('to')) filter.to = query.get('to')!;
  return Object.keys(filter).length ? filter : undefined;
}

/** The page of the person, organisation or place `route.key` (a slug). */
export async function entityView(route: Route, signal: AbortSignal): Promise<View> {
  const kind = route.view as Kind;
  // Fetch the network code while the API answers.
  const network = import('../network.ts');
  const filter = filterOf(route.query);
  const data = await request<Partial<Record<Kind, Entity | null>>>(EntityPage, { slug: route.key, first: ENGAGEMENT_PAGE, filter, [kind]: true }, signal);
  const entity = data[kind];
  const typename = kind === 'person' ? 'Person' : kind === 'organisation' ? 'Organisation' : 'Place';
  if (!entity) {
    return { title: 'Not found', node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Not found'), empty(`No ${kind} has the slug “${route.key}”.`)) };
  }

  const engagements: EngagementItem[] = [];
  const line = timeline([]);
  const undated = h('ul', { class: 'rows', id: 'undated-list' });
  const undatedWrap = h('div', { id: 'undated' });
  const summary = h('p', { class: 'muted', id: 'timeline-summary' });
  const timelineSection = section('timeline-section', 'Timeline', filterForm(filter), summary, line.node, undatedWrap);
  const netBox = h('div', { class: 'network', id: 'network-canvas', role: 'img', 'aria-label': `Network of who met ${entity.name}` });
  const netList = h('ul', { class: 'rows compact', id: 'co-participants' });
  const netCaption = h('p', { class: 'muted' });
  let drawn: { destroy(): void } | undefined;

  const refresh = async () => {
    const dated = engagements.filter((e) => dayRange(e.date));
    const apart = engagements.filter((e) => !dayRange(e.date));
    timelineSection.dataset.dated = String(dated.length);
    timelineSection.dataset.undated = String(apart.length);
    const total = entity.engagements.totalCount;
    summary.textContent = `${plural(total, 'engagement')}${filter ? ' matching the filter' : ''}; ${dated.length} drawn, ${apart.length} undated${engagements.length < total ? ` (of the ${engagements.length} loaded)` : ''}.`;
    line.update(engagements);
    undated.replaceChildren(...apart.map((e) => engagementRow(e, { hide: entity.id })));
    undatedWrap.replaceChildren(...(apart.length ? [h('h3', null, `Undated (${apart.length})`), undated] : []));
    const { nodes, edges, caption } = kind === 'place' ? placeNetwork(engagements) : actorNetwork(entity, typename, engagements);
    netCaption.textContent = caption;
    netList.replaceChildren(...coParticipantRows(entity, nodes, edges));
    drawn?.destroy();
    if (nodes.length > 1) {
      netBox.hidden = false;
      const { drawNetwork } = await network;
      drawn = drawNetwork(netBox, nodes, edges, (href) => navigate(href));
    } else {
      netBox.hidden = true;
      netBox.dataset.nodes = String(nodes.length);
      netBox.dataset.edges = '0';
    }
  };

  const engagementList = pagedList<EngagementItem>({
    id: 'engagements',
    connection: entity.engagements,
    row: (e) => engagementRow(e, { hide: entity.id }),
    more: async (after) => {
      const next = await request<{ node: { engagements: Connection<EngagementItem> } }>(MoreEngagements, { id: entity.id, first: ENGAGEMENT_PAGE, after, filter });
      return next.node.engagements;
    },
    onPage: (nodes) => {
      engagements.push(...nodes);
      // The first page arrives before the page is in the document: `mounted` draws it.
      if (engagements.length > nodes.length) void refresh();
    },
    emptyText: filter ? 'No engagement matches this filter.' : 'No engagements recorded.',
    noun: 'engagements',
  });

  const articles = pagedList<ArticleItem>({
    id: 'articles',
    connection: entity.articles,
    row: articleRow,
    more: async (after) => (await request<{ node: { articles: Connection<ArticleItem> } }>(MoreArticles, { id: entity.id, first: ARTICLE_PAGE, after })).node.articles,
    emptyText: 'No articles.',
    noun: 'articles',
  });

  const page = h(
    'div',
    { class: 'page entity', 'data-id': entity.id },
    header(entity, typename),
    h('div', { class: 'columns' },
      h('div', { class: 'col-main' }, timelineSection, section('engagements-section', 'Engagements', engagementList)),
      h('div', { class: 'col-side' },
        section('network-section', kind === 'place' ? 'Who met here' : 'Who met whom', netBox, netCaption, netList),
        entity.quotes ? section('quotes', 'Quotes', revealList(entity.quotes.map(quoteRow), QUOTES_SHOWN, 'quotes', 'No quotes.')) : null,
        section('articles-section', 'Articles', articles))),
  );
  return { title: entity.name, node: page, mounted: refresh };
}

function header(entity: Entity, typename: string): HTMLElement {
  const roles = entity.roles ?? entity.members;
  const facts: (string | Node)[][] = [];
  if (entity.acronym) facts.push(['Acronym: ', entity.acronym]);
  if (entity.kind) facts.push(['Kind: ', kindWord(entity.kind)]);
  if (entity.iso3166) facts.push(['ISO 3166: ', entity.iso3166]);
  if (entity.nationality) facts.push(['Nationality: ', nodeLink('Place', entity.nationality.slug, entity.nationality.name)]);
  if (entity.country) facts.push(['Country: ', nodeLink('Place', entity.country.slug, entity.country.name)]);
  if (entity.parent) facts.push(['Part of: ', nodeLink('Organisation', entity.parent.slug, entity.parent.name)]);
  if (entity.aliases.length) facts.push(['Also: ', entity.aliases.join(', ')]);
  return h(
    'header',
    { class: 'page-head' },
    h('p', { class: 'eyebrow' }, typeBadge(typename)),
    h('h1', { tabindex: -1 }, entity.name),
    facts.length ? h('ul', { class: 'facts' }, facts.map((f) => h('li', null, ...f))) : null,
    entity.sameAs.length
      ? h('p', { class: 'muted' }, 'Same as: ', entity.sameAs.map((u, i) => [i ? ', ' : '', h('a', { href: u, rel: 'noopener noreferrer external' }, u.replace(/^https?:\/\//, ''))]))
      : null,
    roles ? rolesOverTime(roles, entity.roles ? 'organisation' : 'person') : null,
  );
}

const startOf = (d: PartialDate | null) => parseDay(d?.earliest)?.getTime() ?? Number.POSITIVE_INFINITY;

/** Roles, earliest start first (those without a start last), each with its period. */
function rolesOverTime(roles: RoleItem[], other: 'organisation' | 'person'): HTMLElement {
  const sorted = [...roles].sort((a, b) => startOf(a.started) - startOf(b.started));
  const period = (r: RoleItem) => {
    if (!r.started && !r.ended) return 'dates not reported';
    if (r.started && !r.ended) return `since ${formatPartialDate(r.started)}`;
    if (!r.started) return `until ${formatPartialDate(r.ended)}`;
    return `${formatPartialDate(r.started)} – ${formatPartialDate(r.ended)}`;
  };
  return h(
    'div',
    { class: 'roles', id: 'roles' },
    h('h2', null, other === 'organisation' ? 'Roles' : 'Members'),
    sorted.length
      ? h('ol', { class: 'rows compact' }, sorted.map((r) => {
          const ref = other === 'organisation' ? r.organisation : r.person;
          return h('li', null, h('strong', null, r.title), ref ? [', ', nodeLink(other === 'organisation' ? 'Organisation' : 'Person', ref.slug, ref.name)] : null, h('span', { class: 'muted' }, ` · ${period(r)}`));
        }))
      : empty(other === 'organisation' ? 'No roles recorded.' : 'No members recorded.'),
  );
}

/** The kind and period filter; submitting it navigates to the same page with the filter in its URL. */
function filterForm(filter: Filter | undefined): HTMLElement {
  const chosen = new Set(filter?.kinds ?? []);
  const boxes = ENGAGEMENT_KINDS.map((k) => {
    const box = h('input', { type: 'checkbox', name: 'kinds', value: k, checked: chosen.has(k) });
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--kind', kindColour(k));
    return h('label', { class: 'kind-option' }, box, swatch, kindWord(k));
  });
  const from = h('input', { type: 'date', name: 'from', value: filter?.from ?? '' });
  const to = h('input', { type: 'date', name: 'to', value: filter?.to ?? '' });
  const base = location.pathname;
  const form = h(
    'form',
    { class: 'filters', id: 'filters', action: base, method: 'get' },
    h('fieldset', null, h('legend', null, 'Kinds (none ticked: all)'), h('div', { class: 'kind-options' }, boxes)),
    h('div', { class: 'period' },
      h('label', null, 'From ', from),
      h('label', null, 'To ', to),
      h('button', { type: 'submit' }, 'Apply'),
      filter ? h('a', { href: base, class: 'clear' }, 'Clear filter') : null),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    const kinds = boxes.map((l) => l.querySelector('input')!).filter((i) => i.checked).map((i) => i.value);
    if (kinds.length && kinds.length < ENGAGEMENT_KINDS.length) q.set('kinds', kinds.join(','));
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    navigate(q.size ? `${base}?${q}` : base);
  });
  // Folded away until wanted (it is long on a phone); open while a filter applies.
  return h('details', { class: 'filter-box', open: Boolean(filter) }, h('summary', null, filter ? 'Filter (active)' : 'Filter by kind and period'), form);
}

type EdgeMap = Map<string, NetEdge>;

function edgeFor(edges: EdgeMap, a: string, b: string): NetEdge {
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let e = edges.get(key);
  if (!e) {
    e = { source: a, target: b, weight: 0, hostToGuest: false, guestToHost: false };
    edges.set(key, e);
  }
  return e;
}

/** Arrows host → guest, from the engagements' participant roles (only between actors already linked). */
function directions(edges: EdgeMap, engagements: EngagementItem[]): void {
  for (const e of engagements) {
    const hosts = e.participants.filter((p) => p.role === 'HOST').map((p) => p.actor.id);
    const guests = e.participants.filter((p) => p.role === 'GUEST').map((p) => p.actor.id);
    for (const host of hosts) {
      for (const guest of guests) {
        const edge = edges.get(host < guest ? `${host}|${guest}` : `${guest}|${host}`);
        if (!edge) continue;
        if (edge.source === host) edge.hostToGuest = true;
        else edge.guestToHost = true;
      }
    }
  }
}

/**
 * A person's or organisation's network: it and the actors it shares engagements with (`engagedWith`,
 * counted over every engagement), the links among those actors (their own `engagedWith`), and the
 * host → guest arrows of the engagements loaded.
 */
function actorNetwork(entity: Entity, typename: string, engagements: EngagementItem[]): { nodes: NetNode[]; edges: NetEdge[]; caption: string } {
  const co = entity.engagedWith ?? [];
  const ids = new Set([entity.id, ...co.map((c) => c.actor.id)]);
  const nodes: NetNode[] = [
    { id: entity.id, label: entity.name, typename: typename as NetNode['typename'], href: pathOf(typename, entity.slug), centre: true },
    ...co.map((c) => ({ id: c.actor.id, label: c.actor.name, typename: c.actor.__typename, href: pathOf(c.actor.__typename, c.actor.slug) })),
  ];
  const edges: EdgeMap = new Map();
  for (const c of co) edgeFor(edges, entity.id, c.actor.id).weight = c.count;
  for (const c of co) {
    for (const d of c.actor.engagedWith ?? []) {
      if (ids.has(d.actor.id) && d.actor.id !== entity.id && c.actor.id < d.actor.id) edgeFor(edges, c.actor.id, d.actor.id).weight = d.count;
    }
  }
  directions(edges, engagements);
  return {
    nodes,
    edges: [...edges.values()],
    caption: `${plural(co.length, 'co-participant')} (● person, ■ organisation). Edge labels: engagements shared; arrows: host → guest in the engagements listed here.`,
  };
}

/** A place's network: the actors of the engagements held there (those loaded), linked when they took part in one together. */
function placeNetwork(engagements: EngagementItem[]): { nodes: NetNode[]; edges: NetEdge[]; caption: string } {
  const nodes = new Map<string, NetNode>();
  const edges: EdgeMap = new Map();
  for (const e of engagements) {
    const actors = [...new Map(e.participants.map((p) => [p.actor.id, p.actor])).values()];
    for (const a of actors) nodes.set(a.id, { id: a.id, label: a.name, typename: a.__typename, href: pathOf(a.__typename, a.slug) });
    for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) edgeFor(edges, actors[i]!.id, actors[j]!.id).weight++;
  }
  directions(edges, engagements);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    caption: `${plural(nodes.size, 'actor')} (● person, ■ organisation) in the ${plural(engagements.length, 'engagement')} listed. Edge labels: engagements here together; arrows: host → guest.`,
  };
}

/** The network as a list (keyboard and screen-reader readers): each linked actor and the engagements shared with the page's one. */
function coParticipantRows(entity: Entity, nodes: NetNode[], edges: NetEdge[]): HTMLLIElement[] {
  const weightWith = (id: string) => {
    if (entity.engagedWith) return entity.engagedWith.find((c) => c.actor.id === id)?.count ?? 0;
    return edges.filter((e) => e.source === id || e.target === id).reduce((n, e) => n + e.weight, 0);
  };
  return nodes
    .filter((n) => !n.centre)
    .map((n) => h('li', null, h('a', { href: n.href }, n.label), h('span', { class: 'muted' }, ` · ${n.typename === 'Person' ? 'person' : 'organisation'}${entity.engagedWith ? ` · ${plural(weightWith(n.id), 'shared engagement')}` : ''}`)));
}

/** A list showing its first `shown` rows and a button revealing the rest (no request: the API sent them all). */
function revealList(rows: HTMLLIElement[], shown: number, noun: string, emptyText: string): HTMLElement {
  if (!rows.length) return empty(emptyText);
  const list = h('ul', { class: 'rows', id: `${noun}-list` }, rows.slice(0, shown));
  if (rows.length <= shown) return list;
  const button = h('button', { type: 'button', class: 'more' }, `Show all ${rows.length} ${noun}`);
  button.addEventListener('click', () => {
    list.append(...rows.slice(shown));
    button.remove();
  });
  return h('div', null, list, button);
}
