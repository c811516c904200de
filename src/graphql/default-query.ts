/**
 * The query GraphiQL opens with: a walk across the seed graph (article → people → roles →
 * organisation → engagements → participants), answered by one SQL statement.
 */
export const DEFAULT_QUERY = `# Newsgraph: one request, one SQL statement. Press ▶ to run.
query ArticleWalk {
  article(slug: "larijani-pakistan-visit") {
    headline
    dateline { name }
    people(first: 10) {
      edges {
        rel
        node {
          name
          roles {
            title
            organisation {
              name
              acronym
              engagements(first: 5, orderBy: DATE_DESC) {
                totalCount
                edges {
                  node {
                    kind
                    summary
                    date { text precision }
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
  }
}
`;
