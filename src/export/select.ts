/**
 * What the ninjs and JSON-LD builders read of an article: one Drizzle relational selection
 * (`ARTICLE_EXPORT_SELECT`), used both by the GraphQL fields `Article.ninjs` / `Article.jsonLd`
 * (as their `select`, so they stay inside the article's one SQL statement) and by the CLI and
 * the routes (`loadExportArticle`). `ExportArticle` is the row it yields.
 */
import type { Database } from '../db/client.ts';
import { partialDateSelection, type PartialDateColumns } from '../db/partial-date-columns.ts';
import type { EngagementKind, EngagementStatus, MentionRel, OrganisationKind, ParticipantRole, PlaceKind } from '../db/schema.ts';

const sameAs = { sameAs: { columns: { uri: true }, orderBy: { uri: 'asc' } } } as const;
const placeColumns = { columns: { id: true, slug: true, name: true, kind: true, iso3166: true }, with: sameAs } as const;
const personColumns = { columns: { id: true, slug: true, name: true }, with: sameAs } as const;
const organisationColumns = { columns: { id: true, slug: true, name: true, kind: true, acronym: true }, with: sameAs } as const;

/** The relational selection the export builders need (columns and relations of one article). */
export const ARTICLE_EXPORT_SELECT = {
  columns: {
    id: true,
    uri: true,
    slug: true,
    headline: true,
    body: true,
    language: true,
    datelineText: true,
    publishedAt: true,
    referenceDate: true,
    byline: true,
    version: true,
    ninjsExtra: true,
    ingestedAt: true,
  },
  with: {
    dateline: placeColumns,
    personLinks: {
      columns: { rel: true, relevance: true },
      orderBy: { personId: 'asc' },
      with: { person: personColumns },
    },
    organisationLinks: {
      columns: { rel: true, relevance: true },
      orderBy: { organisationId: 'asc' },
      with: { organisation: organisationColumns },
    },
    placeLinks: {
      columns: { rel: true, relevance: true },
      orderBy: { placeId: 'asc' },
      with: { place: placeColumns },
    },
    engagements: {
      columns: {
        id: true,
        kind: true,
        cameoCode: true,
        summary: true,
        status: true,
        ...partialDateSelection('date'),
      },
      orderBy: { id: 'asc' },
      with: {
        place: placeColumns,
        participants: {
          columns: { role: true },
          orderBy: { id: 'asc' },
          with: { person: personColumns, organisation: organisationColumns },
        },
      },
    },
  },
} as const;

interface WithSameAs {
  sameAs: { uri: string }[];
}
export interface ExportPlace extends WithSameAs {
  id: number;
  slug: string;
  name: string;
  kind: PlaceKind;
  iso3166: string | null;
}
export interface ExportPerson extends WithSameAs {
  id: number;
  slug: string;
  name: string;
}
export interface ExportOrganisation extends WithSameAs {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  acronym: string | null;
}
interface Link {
  rel: MentionRel;
  relevance: number | null;
}
export interface ExportEngagement extends PartialDateColumns<'date'> {
  id: number;
  kind: EngagementKind;
  cameoCode: string;
  summary: string;
  status: EngagementStatus;
  place: ExportPlace | null;
  participants: { role: ParticipantRole; person: ExportPerson | null; organisation: ExportOrganisation | null }[];
}

/** An article as `ARTICLE_EXPORT_SELECT` loads it. */
export interface ExportArticle {
  id: number;
  uri: string;
  slug: string;
  headline: string;
  body: string;
  language: string;
  datelineText: string | null;
  publishedAt: string | null;
  referenceDate: string | null;
  byline: string | null;
  version: number;
  ninjsExtra: Record<string, unknown> | null;
  ingestedAt: string;
  dateline: ExportPlace | null;
  personLinks: (Link & { person: ExportPerson })[];
  organisationLinks: (Link & { organisation: ExportOrganisation })[];
  placeLinks: (Link & { place: ExportPlace })[];
  engagements: ExportEngagement[];
}

/** Load one article for export by slug, id or uri. @returns null when there is none */
export async function loadExportArticle(db: Database, where: { slug: string } | { id: number } | { uri: string }): Promise<ExportArticle | null> {
  const row = await db.query.articles.findFirst({ ...ARTICLE_EXPORT_SELECT, where });
  return (row as unknown as ExportArticle | undefined) ?? null;
}
