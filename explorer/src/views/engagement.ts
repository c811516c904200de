/** The page of an engagement (one request: EngagementPage): participants and roles, place, date and its precision, quotes, reporting articles. */
import { request } from '../client.ts';
import { formatPartialDate, precisionWords, type PartialDate } from '../dates.ts';
import { h } from '../dom.ts';
import { kindWord } from '../kinds.ts';
import { EngagementPage, MoreArticles } from '../operations.ts';
import type { Route } from '../router.ts';
import type { ArticleItem, Connection, NamedRef, Participant, QuoteItem } from '../types.ts';
import { articleRow, empty, kindBadge, nodeLink, pagedList, quoteRow, roleWord, section, typeBadge, type View } from './common.ts';

interface Engagement {
  id: string;
  kind: string;
  summary: string;
  status: string;
  cameo: { code: string; name: string; goldstein: number; quadClass: number };
  date: PartialDate | null;
  place: (NamedRef & { kind: string; country: NamedRef | null }) | null;
  participants: (Participant & { actor: Participant['actor'] & { roles?: { title: string; organisation: { name: string } | null }[] } })[];
  quotes: QuoteItem[];
  articles: Connection<ArticleItem>;
}

const QUAD = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

/** The page of the engagement `route.key` (a global id). */
export async function engagementView(route: Route, signal: AbortSignal): Promise<View> {
  const { engagement: e } = await request<{ engagement: Engagement | null }>(EngagementPage, { id: route.key }, signal);
  if (!e) return { title: 'Not found', node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Not found'), empty(`No engagement has the id “${route.key}”.`)) };
  const facts = h(
    'dl',
    { class: 'facts-grid', id: 'engagement-facts' },
    h('dt', null, 'When'),
    h('dd', { id: 'engagement-date' }, formatPartialDate(e.date),
      h('div', { class: 'muted' }, `precision: ${precisionWords(e.date)}`, e.date?.edtf ? [' · EDTF ', h('code', null, e.date.edtf)] : null)),
    h('dt', null, 'Where'),
    h('dd', null, e.place ? [nodeLink('Place', e.place.slug, e.place.name), e.place.country ? [', ', nodeLink('Place', e.place.country.slug, e.place.country.name)] : null] : h('span', { class: 'muted' }, 'not reported')),
    h('dt', null, 'Status'),
    h('dd', null, kindWord(e.status)),
    h('dt', null, 'CAMEO'),
    h('dd', null, h('code', null, e.cameo.code), ` ${e.cameo.name}`, h('div', { class: 'muted' }, `${QUAD[e.cameo.quadClass] ?? ''} · Goldstein ${e.cameo.goldstein}`)),
  );
  const participants = e.participants.length
    ? h('table', { class: 'participants-table', id: 'participants' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Position'))),
        h('tbody', null, e.participants.map((p) =>
          h('tr', null,
            h('td', null, roleWord(p.role)),
            h('td', null, nodeLink(p.actor.__typename, p.actor.slug, p.actor.name), ' ', typeBadge(p.actor.__typename === 'Person' ? 'person' : 'organisation')),
            h('td', { class: 'muted' }, (p.actor.roles ?? []).map((r) => (r.organisation ? `${r.title}, ${r.organisation.name}` : r.title)).join('; '))))))
    : empty('No participants recorded.');
  const articles = pagedList<ArticleItem>({
    id: 'articles',
    connection: e.articles,
    row: articleRow,
    more: async (after) => (await request<{ node: { articles: Connection<ArticleItem> } }>(MoreArticles, { id: e.id, first: 20, after })).node.articles,
    emptyText: 'No article reports it.',
    noun: 'articles',
  });
  const page = h(
    'div',
    { class: 'page engagement-page', 'data-id': e.id },
    h('header', { class: 'page-head' }, h('p', { class: 'eyebrow' }, typeBadge('Engagement'), ' ', kindBadge(e.kind)), h('h1', { tabindex: -1 }, e.summary)),
    h('div', { class: 'columns' },
      h('div', { class: 'col-main' }, section('facts', 'Facts', facts), section('participants-section', 'Participants', participants)),
      h('div', { class: 'col-side' }, section('quotes', 'Quotes', e.quotes.length ? h('ul', { class: 'rows' }, e.quotes.map(quoteRow)) : empty('No quotes.')), section('articles-section', 'Reported in', articles))),
  );
  return { title: `${kindWord(e.kind)}: ${e.summary.slice(0, 60)}`, node: page };
}
