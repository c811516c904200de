/**
 * The query GraphiQL opens with: a walk across the seed graph (article → people → roles →
 * organisation, and people → engagements → date, place, participants), answered by one SQL
 * statement. Every list in it has entries on the seed (test/seed-features.test.ts checks).
 */
export const DEFAULT_QUERY = `# Newsgraph: one request, one SQL statement. Press ▶ to run.
query ArticleWalk {
  article(slug: "larijani-pakistan-visit") {
    headline
    publishedAt
    dateline { name }
    people(first: 4) {
      totalCount
      edges {
        rel
        node {
          name
          roles {
            title
            organisation { name acronym }
          }
          engagements(first: 3, orderBy: DATE_DESC) {
            totalCount
            edges {
              node {
                kind
                summary
                date { text edtf earliest latest }
                cameo { code name }
                place { name }
                participants { role actor { name } }
              }
            }
          }
        }
      }
    }
  }
}
`;
