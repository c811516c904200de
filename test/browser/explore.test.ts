/**
 * The explorer (/explore) in real Chromium over the real app on the seed: the person page's
 * timeline and network (counts computed from the API, and the seed's own values), clicking
 * through to an engagement and an article, search with diacritics and aliases, the back button,
 * the kind filter, an API refusal, phone width. Screenshots of every view (desktop and phone) go
 * to test-results/explore/ (git-ignored); first render times and transferred bytes are printed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatFigures, hasChromium, isolatedContext, launchChromium, measureView, seedViews, startExplorer, viewSettled, VIEWPORTS, type ExplorerServer, type ViewFigures } from './explore-harness.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const OPERATIONS = `${repoRoot}explorer/src/operations/`;
const SHOTS = `${repoRoot}test-results/explore/`;
const op = (name: string) => readFileSync(`${OPERATIONS}${name}.graphql`, 'utf8');

// A file cannot import another's fragments (each is a trusted document, hashed as written), so a
// fragment the explorer needs in several operations is repeated: the copies must not drift apart.
describe('explorer operation files', () => {
  it('repeat a shared fragment to the letter', () => {
    const copies = new Map<string, Map<string, string[]>>();
    for (const file of readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'))) {
      for (const def of parse(readFileSync(`${OPERATIONS}${file}`, 'utf8')).definitions) {
        if (def.kind !== Kind.FRAGMENT_DEFINITION) continue;
        const byText = copies.get(def.name.value) ?? new Map<string, string[]>();
        const text = print(def);
        byText.set(text, [...(byText.get(text) ?? []), file]);
        copies.set(def.name.value, byText);
      }
    }
    const shared = [...copies].filter(([, byText]) => [...byText.values()].flat().length > 1);
    expect(shared.map(([name]) => name)).toContain('EngagementItem');
    for (const [name, byText] of shared) expect([...byText.values()], `fragment ${name}`).toHaveLength(1);
  });
});

if (!hasChromium) console.warn('[explore.test] /usr/bin/chromium not found: skipping the browser tests');

describe.skipIf(!hasChromium)('explorer in Chromium', () => {
  let server: ExplorerServer;
  let browser: Browser;
  /** The seed person's page as the API gives it (the same operation the explorer sends). */
  let person: any;
  const pageErrors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startExplorer();
    browser = await launchChromium();
    const res = await server.api.gql(op('EntityPage'), { slug: 'ali-larijani', first: 50, person: true });
    person = res.body.data.person;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Every test's pages: no script error, no console error, no request leaving the origin.
  afterEach(() => {
    const seen = { outside: outside.splice(0), pageErrors: pageErrors.splice(0) };
    expect(seen).toEqual({ outside: [], pageErrors: [] });
  });

  /** A page in a fresh isolated context; page errors and requests leaving the origin are recorded and checked after each test. */
  async function open(path: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<{ page: Page; graphql: () => string[] }> {
    const { context, requests } = await isolatedContext(browser, server.origin, viewport);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
    });
    await page.goto(`${server.origin}${path}`);
    return { page, graphql: () => requests.filter((u) => new URL(u).pathname === '/graphql') };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  it('sends operations that each cost one SQL statement', async () => {
    const engagementId = person.engagements.edges[0].node.id;
    const variables: Record<string, Record<string, unknown>[]> = {
      // The search page, then the search box's suggestions.
      Search: [{ query: 'Pakistan', first: 20 }, { query: 'Lārījānī', first: 8, types: ['PERSON', 'ORGANISATION', 'PLACE', 'ARTICLE'] }],
      Home: [{}],
      EntityPage: [{ slug: 'ali-larijani', first: 50, person: true }, { slug: 'pakistan', first: 50, organisation: true }, { slug: 'tehran', first: 50, place: true }],
      MoreEngagements: [{ id: person.id, first: 1, after: person.engagements.pageInfo.endCursor }],
      MoreArticles: [{ id: person.id, first: 1, after: person.articles.pageInfo.endCursor }],
      ArticlePage: [{ slug: 'larijani-pakistan-visit' }],
      EngagementPage: [{ id: engagementId }],
    };
    const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql')).map((f) => f.replace(/\.graphql$/, ''));
    expect(files.sort()).toEqual(Object.keys(variables).sort());
    for (const name of files) {
      for (const vars of variables[name]!) {
        const res = await server.api.gql(op(name), vars);
        expect(res.body.errors, name).toBeUndefined();
        expect(res.statements, `${name} ${JSON.stringify(vars)}`).toBe(1);
      }
    }
    // EntityPage answers only the kind asked for.
    const place = (await server.api.gql(op('EntityPage'), variables.EntityPage![2])).body.data;
    expect(Object.keys(place)).toEqual(['place']);
    expect(place.place.name).toBe('Tehran');
  });

  it('draws the seed person: roles, timeline (dated as ranges, undated apart), network, quotes, articles', async () => {
    const { page, graphql } = await open('/explore/person/ali-larijani');
    expect(await viewSettled(page)).toBe('ready');
    expect(graphql()).toHaveLength(1);
    // Sent as a trusted document: the id of EntityPage.graphql's exact text, no query text.
    const sent = new URL(graphql()[0]!).searchParams;
    expect(sent.get('documentId')).toBe(`sha256:${createHash('sha256').update(op('EntityPage'), 'utf8').digest('hex')}`);
    expect(sent.get('operationName')).toBe('EntityPage');
    expect(JSON.parse(sent.get('variables')!)).toMatchObject({ slug: 'ali-larijani', person: true });
    expect(sent.has('query')).toBe(false);
    expect(await page.locator('h1').textContent()).toBe('Ali Larijani');
    expect(await page.locator('#roles').textContent()).toContain('Secretary, Supreme National Security Council');

    // Expected from the API: dated = both bounds known.
    const all = person.engagements.edges.map((e: any) => e.node);
    const dated = all.filter((e: any) => e.date?.earliest && e.date?.latest);
    const undated = all.filter((e: any) => !(e.date?.earliest && e.date?.latest));
    expect(await page.locator('#timeline rect.bar').count()).toBe(dated.length);
    expect(await page.locator('#undated-list > li').count()).toBe(undated.length);
    expect(await page.locator('#engagements-list > li').count()).toBe(person.engagements.totalCount);
    // …and the seed's own values: three engagements, the announcement on X has no date.
    expect([dated.length, undated.length]).toEqual([2, 1]);
    expect(await page.locator('#undated-list').textContent()).toContain('post on X');

    // "late October" is a bar over 21–31 October: 11 days against the 2-day visit (24–25 November).
    const bar = async (earliest: string) => {
      const rect = page.locator(`#timeline rect.bar[data-earliest="${earliest}"]`);
      return { latest: await rect.getAttribute('data-latest'), width: Number(await rect.getAttribute('width')), kind: await rect.getAttribute('data-kind') };
    };
    const october = await bar('2025-10-21');
    const visit = await bar('2025-11-24');
    expect(october).toMatchObject({ latest: '2025-10-31', kind: 'MEETING' });
    expect(visit).toMatchObject({ latest: '2025-11-25', kind: 'VISIT' });
    expect(october.width / visit.width).toBeCloseTo(11 / 2, 1);
    expect(await page.locator('#timeline rect.bar[data-kind="MEETING"]').getAttribute('fill')).not.toBe(await page.locator('#timeline rect.bar[data-kind="VISIT"]').getAttribute('fill'));

    // Network: the person and everyone it shares engagements with; an edge to each, and one per
    // pair of co-participants that share engagements themselves.
    const co = person.engagedWith;
    const ids = new Set(co.map((c: any) => c.actor.id));
    const between = co.flatMap((c: any) => c.actor.engagedWith.filter((d: any) => ids.has(d.actor.id) && c.actor.id < d.actor.id));
    const net = page.locator('#network-canvas');
    expect(Number(await net.getAttribute('data-nodes'))).toBe(co.length + 1);
    expect(Number(await net.getAttribute('data-edges'))).toBe(co.length + between.length);
    expect(co.map((c: any) => `${c.actor.name}:${c.count}`)).toEqual(['Pakistan:3', 'Iran:2', 'Syed Mohsin Naqvi:1']);
    expect(await page.locator('#co-participants > li').allTextContents()).toEqual(co.map((c: any) => `${c.actor.name} · ${c.actor.__typename === 'Person' ? 'person' : 'organisation'} · ${c.count} shared engagement${c.count === 1 ? '' : 's'}`));
    // Host → guest: Larijani hosted Naqvi in Tehran.
    const arrow = await net.evaluate((el: any) => {
      const e = el.cy.edges().filter((x: any) => [x.data('source'), x.data('target')].sort().join() === ['UGVyc29uOjE=', 'UGVyc29uOjM='].sort().join())[0];
      return { source: e.data('source'), hostToGuest: e.data('hostToGuest'), guestToHost: e.data('guestToHost'), weight: e.data('weight') };
    });
    expect(arrow).toEqual({ source: 'UGVyc29uOjE=', hostToGuest: true, guestToHost: false, weight: 1 });
    expect(await page.locator('#quotes-list > li').count()).toBe(Math.min(8, person.quotes.length));
    expect(await page.locator('#articles-list > li').count()).toBe(person.articles.totalCount);
    await shot(page, 'person-desktop');

    // Clicking a node opens that actor's page; back returns.
    const at = await net.evaluate((el: any) => {
      const n = el.cy.nodes().filter((x: any) => x.data('label') === 'Syed Mohsin Naqvi')[0].renderedPosition();
      const box = el.getBoundingClientRect();
      return { x: box.left + n.x, y: box.top + n.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForURL('**/explore/person/syed-mohsin-naqvi');
    await viewSettled(page);
    expect(await page.locator('h1').textContent()).toBe('Syed Mohsin Naqvi');
    await page.goBack();
    await page.waitForURL('**/explore/person/ali-larijani');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ali Larijani');
    expect(graphql()).toHaveLength(3);
    await page.context().close();
  });

  it('clicks through to an engagement and an article, and back', async () => {
    const { page, graphql } = await open('/explore/person/ali-larijani');
    await viewSettled(page);
    await page.locator('#timeline a.bar-link').filter({ has: page.locator('rect[data-kind="MEETING"]') }).click();
    await page.waitForURL(/\/explore\/engagement\//);
    expect(await viewSettled(page)).toBe('ready');
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const { engagement } = (await server.api.gql(op('EngagementPage'), { id })).body.data;
    expect(await page.locator('h1').textContent()).toBe(engagement.summary);
    expect(await page.locator('#participants tbody tr').count()).toBe(engagement.participants.length);
    expect(await page.locator('#participants tbody tr').first().textContent()).toContain('host');
    expect(await page.locator('#engagement-date').textContent()).toContain('late October · 21–31 Oct 2025');
    expect(await page.locator('#engagement-date').textContent()).toContain('precision: part of a month');
    expect(await page.locator('#articles-list > li').count()).toBe(engagement.articles.totalCount);
    await shot(page, 'engagement-desktop');

    await page.locator('#articles-list a').first().click();
    await page.waitForURL('**/explore/article/larijani-pakistan-visit');
    expect(await viewSettled(page)).toBe('ready');
    const { article } = (await server.api.gql(op('ArticlePage'), { slug: 'larijani-pakistan-visit' })).body.data;
    expect(await page.locator('#article-body p').count()).toBe(article.body.split('\n').length);
    // The seed article has no extraction record: linked entities' names are marked.
    expect(article.extraction).toBeNull();
    expect(await page.locator('#mark-legend').textContent()).toContain('No extraction record');
    expect(await page.locator('#article-body a.mention.person[href="/explore/person/ali-larijani"]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#article-body a.mention.place[href="/explore/place/islamabad"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#engagements-list > li').count()).toBe(article.engagements.totalCount);
    expect(await page.locator('#quotes > ul > li').count()).toBe(article.quotes.length);
    await shot(page, 'article-desktop');

    await page.goBack();
    await page.waitForURL(/\/explore\/engagement\//);
    await page.waitForFunction((s) => document.querySelector('h1')?.textContent === s, engagement.summary);
    await page.goBack();
    await page.waitForURL('**/explore/person/ali-larijani');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.state === 'ready' && document.querySelector('h1')?.textContent === 'Ali Larijani');
    // One request per navigation: person, engagement, article, engagement, person.
    expect(graphql()).toHaveLength(5);
    await page.context().close();
  });

  it('suggests as you type, folding diacritics and finding aliases; arrows and Enter choose', async () => {
    const { page } = await open('/explore');
    await viewSettled(page);
    await shot(page, 'home-desktop');
    const box = page.locator('#search');
    // No seed name carries a diacritic: typed with them, the API folds them away.
    await box.pressSequentially('Lārījānī', { delay: 20 });
    await page.waitForSelector('#suggestions li[data-type="Person"]');
    expect(await page.locator('#suggestions li[role="option"]').first().textContent()).toContain('Ali Larijani');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await shot(page, 'suggestions-desktop');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('suggestion-0');
    await box.press('Enter');
    await page.waitForURL('**/explore/person/ali-larijani');
    await viewSettled(page);

    // An alias (a transliteration) finds the person under their name.
    await box.fill('');
    await box.pressSequentially('Ghalibaf', { delay: 20 });
    await page.waitForFunction(() => [...document.querySelectorAll('#suggestions li')].some((li) => li.textContent?.includes('Mohammad Baqer Qalibaf')));
    // Enter without choosing opens the search page, with as many results as the API counts.
    await box.press('Escape');
    expect(await page.locator('#suggestions').isHidden()).toBe(true);
    await box.fill('Teherän');
    await box.press('Enter');
    await page.waitForURL('**/explore/search?q=Teher%C3%A4n');
    expect(await viewSettled(page)).toBe('ready');
    const { search } = (await server.api.gql(op('Search'), { query: 'Teherän', first: 20 })).body.data;
    expect(search.totalCount).toBeGreaterThan(0);
    expect(search.edges.map((e: any) => e.node.name)).toContain('Tehran');
    expect(await page.locator('#results-list > li').count()).toBe(Math.min(20, search.totalCount));
    expect(await page.locator('#results-list').textContent()).toContain('Tehran');
    await shot(page, 'search-desktop');
    await page.goBack();
    await page.waitForURL('**/explore/person/ali-larijani');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ali Larijani');
    await page.context().close();
  });

  it('filters the timeline by kind through the URL', async () => {
    const { page } = await open('/explore/person/ali-larijani');
    await viewSettled(page);
    await page.locator('.filter-box summary').click();
    await page.locator('#filters input[value="MEETING"]').check();
    await page.locator('#filters button[type="submit"]').click();
    await page.waitForURL('**/explore/person/ali-larijani?kinds=MEETING');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.state === 'ready' && document.querySelectorAll('#timeline rect.bar').length === 1);
    const filtered = (await server.api.gql(op('EntityPage'), { slug: 'ali-larijani', first: 50, person: true, filter: { kinds: ['MEETING'] } })).body.data.person.engagements;
    expect(await page.locator('#engagements-list > li').count()).toBe(filtered.totalCount);
    expect(await page.locator('#timeline rect.bar').getAttribute('data-kind')).toBe('MEETING');
    await page.context().close();
  });

  it("shows the API's refusal with its code, and an empty state for an unknown slug", async () => {
    const { page } = await open('/explore/person/ali-larijani?from=not-a-date');
    expect(await viewSettled(page)).toBe('error');
    expect(await page.locator('.error').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await page.locator('.error-code').textContent()).toBe('BAD_USER_INPUT');
    expect(await page.locator('.error-message').textContent()).toContain('filter.from');
    await shot(page, 'error-desktop');
    await page.goto(`${server.origin}/explore/person/nobody-at-all`);
    expect(await viewSettled(page)).toBe('ready');
    expect(await page.locator('.empty').textContent()).toContain('nobody-at-all');
    await page.context().close();
  });

  it('fits a phone-width screen (375 px) on every view; screenshots of each at both widths', async () => {
    const engagementId = person.engagements.edges[0].node.id;
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      for (const [view, path] of [...seedViews(engagementId), ['error', '/explore/person/ali-larijani?from=not-a-date']]) {
        const { page } = await open(path!, viewport);
        await viewSettled(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${view} at ${width}`).toBeLessThanOrEqual(0);
        await shot(page, `${view}-${width}`);
        await page.context().close();
      }
    }
  });

  it('measures first render and transferred bytes of each view (printed)', async () => {
    const engagementId = person.engagements.edges[0].node.id;
    const rows: ViewFigures[] = [];
    for (const [view, path] of seedViews(engagementId)) rows.push(await measureView(browser, server.origin, view, path));
    console.log(`Explorer on the seed, first load of each view (navigation start → rendered; bytes over the wire, empty cache):\n${formatFigures(rows)}`);
    for (const r of rows) {
      expect(r.graphqlRequests, r.view).toBe(1);
      expect(r.renderMs, r.view).toBeGreaterThan(0);
    }
  });
});
