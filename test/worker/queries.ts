/**
 * The core acceptance queries, shared by the Node side (test/worker/global-setup.ts computes the
 * Node answers) and the Worker tests (which must get the very same answers from workerd).
 */
import { DEFAULT_QUERY } from '../../src/graphql/default-query.ts';
import { SIX_HOPS } from '../hardening/attack-cases.ts';

export const ACCEPTANCE_QUERIES = {
  /** Six relation hops through Relay connections: within the depth limit (hops, not edges/node), one statement. */
  sixHops: SIX_HOPS,
  /** A person's roles and engagements, with CAMEO codes, places, partial dates and participants. */
  larijani: `{
    person(slug: "ali-larijani") {
      roles { title organisation { name acronym } }
      engagements(first: 10) { edges { node { kind cameo { code } place { name } date { text } participants { role actor { name } } } } }
    }
  }`,
  /**
   * The deep walk article -> people -> roles -> organisation -> engagements -> articles (page sizes
   * given, as in test/core.test.ts, so it stays within the operation cost limit).
   */
  deepWalk: `{
    article(slug: "larijani-pakistan-visit") {
      headline
      people(first: 10) { totalCount edges { rel node {
        name
        roles { title organisation {
          name
          engagements(first: 10) { edges { node { kind articles(first: 5) { edges { node { slug } } } } } }
        } }
      } } }
    }
  }`,
  /** Tipu's two quotes and the engagement they belong to. */
  tipuQuotes: `{
    person(slug: "muhammad-mudassir-tipu") { quotes { text engagement { date { text precision } } } }
  }`,
  /** The article's figures ($3 billion -> 3000000000). */
  figures: `{ article(slug: "larijani-pakistan-visit") { figures { text value currency unit metric } } }`,
  /** The query GraphiQL opens with. */
  graphiqlDefault: DEFAULT_QUERY,
} as const;

export type AcceptanceName = keyof typeof ACCEPTANCE_QUERIES;

/** A GraphQL response as the tests read it. */
export interface GqlBody {
  data?: any;
  errors?: { message: string }[];
  extensions?: { sql?: { statements: number } };
}
