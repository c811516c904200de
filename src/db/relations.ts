/**
 * The relation graph over the tables in ./schema.ts (Drizzle relational queries v2,
 * `defineRelations`). Every direction a front end walks is declared here, so the Pothos
 * plugin can plan a nested GraphQL selection into one SQL statement.
 */
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema.ts';

export const relations = defineRelations(schema, (r) => ({
  places: {
    country: r.one.places({ from: r.places.countryId, to: r.places.id, alias: 'country' }),
    aliases: r.many.aliases({ from: r.places.id, to: r.aliases.placeId }),
    sameAs: r.many.sameAs({ from: r.places.id, to: r.sameAs.placeId }),
    articleLinks: r.many.articlePlaces({ from: r.places.id, to: r.articlePlaces.placeId }),
    articles: r.many.articles({
      from: r.places.id.through(r.articlePlaces.placeId),
      to: r.articles.id.through(r.articlePlaces.articleId),
    }),
    // Through engagement_places: a country lists the engagements in its cities as well.
    engagements: r.many.engagements({
      from: r.places.id.through(r.engagementPlaces.placeId),
      to: r.engagements.id.through(r.engagementPlaces.engagementId),
    }),
  },
  people: {
    nationality: r.one.places({ from: r.people.nationalityId, to: r.places.id }),
    aliases: r.many.aliases({ from: r.people.id, to: r.aliases.personId }),
    sameAs: r.many.sameAs({ from: r.people.id, to: r.sameAs.personId }),
    roles: r.many.roles({ from: r.people.id, to: r.roles.personId }),
    articleLinks: r.many.articlePeople({ from: r.people.id, to: r.articlePeople.personId }),
    articles: r.many.articles({
      from: r.people.id.through(r.articlePeople.personId),
      to: r.articles.id.through(r.articlePeople.articleId),
    }),
    participations: r.many.participants({ from: r.people.id, to: r.participants.personId }),
    // Through engagement_actors, not participants: one row per engagement however many roles.
    engagements: r.many.engagements({
      from: r.people.id.through(r.engagementActors.personId),
      to: r.engagements.id.through(r.engagementActors.engagementId),
    }),
    coActors: r.many.coActors({ from: r.people.id, to: r.coActors.personId }),
    quotes: r.many.quotes({ from: r.people.id, to: r.quotes.speakerPersonId }),
  },
  organisations: {
    country: r.one.places({ from: r.organisations.countryId, to: r.places.id }),
    parent: r.one.organisations({ from: r.organisations.parentId, to: r.organisations.id, alias: 'parent' }),
    aliases: r.many.aliases({ from: r.organisations.id, to: r.aliases.organisationId }),
    sameAs: r.many.sameAs({ from: r.organisations.id, to: r.sameAs.organisationId }),
    members: r.many.roles({ from: r.organisations.id, to: r.roles.organisationId }),
    articleLinks: r.many.articleOrganisations({
      from: r.organisations.id,
      to: r.articleOrganisations.organisationId,
    }),
    articles: r.many.articles({
      from: r.organisations.id.through(r.articleOrganisations.organisationId),
      to: r.articles.id.through(r.articleOrganisations.articleId),
    }),
    participations: r.many.participants({ from: r.organisations.id, to: r.participants.organisationId }),
    // Through engagement_actors, not participants: one row per engagement however many roles.
    engagements: r.many.engagements({
      from: r.organisations.id.through(r.engagementActors.organisationId),
      to: r.engagements.id.through(r.engagementActors.engagementId),
    }),
    coActors: r.many.coActors({ from: r.organisations.id, to: r.coActors.organisationId }),
    quotes: r.many.quotes({ from: r.organisations.id, to: r.quotes.speakerOrganisationId }),
  },
  aliases: {
    person: r.one.people({ from: r.aliases.personId, to: r.people.id }),
    organisation: r.one.organisations({ from: r.aliases.organisationId, to: r.organisations.id }),
    place: r.one.places({ from: r.aliases.placeId, to: r.places.id }),
  },
  sameAs: {
    person: r.one.people({ from: r.sameAs.personId, to: r.people.id }),
    organisation: r.one.organisations({ from: r.sameAs.organisationId, to: r.organisations.id }),
    place: r.one.places({ from: r.sameAs.placeId, to: r.places.id }),
  },
  roles: {
    person: r.one.people({ from: r.roles.personId, to: r.people.id, optional: false }),
    organisation: r.one.organisations({ from: r.roles.organisationId, to: r.organisations.id }),
  },
  articles: {
    dateline: r.one.places({ from: r.articles.datelinePlaceId, to: r.places.id }),
    personLinks: r.many.articlePeople({ from: r.articles.id, to: r.articlePeople.articleId }),
    organisationLinks: r.many.articleOrganisations({ from: r.articles.id, to: r.articleOrganisations.articleId }),
    placeLinks: r.many.articlePlaces({ from: r.articles.id, to: r.articlePlaces.articleId }),
    people: r.many.people({
      from: r.articles.id.through(r.articlePeople.articleId),
      to: r.people.id.through(r.articlePeople.personId),
    }),
    organisations: r.many.organisations({
      from: r.articles.id.through(r.articleOrganisations.articleId),
      to: r.organisations.id.through(r.articleOrganisations.organisationId),
    }),
    places: r.many.places({
      from: r.articles.id.through(r.articlePlaces.articleId),
      to: r.places.id.through(r.articlePlaces.placeId),
    }),
    engagements: r.many.engagements({
      from: r.articles.id.through(r.engagementArticles.articleId),
      to: r.engagements.id.through(r.engagementArticles.engagementId),
    }),
    quotes: r.many.quotes({ from: r.articles.id, to: r.quotes.articleId }),
    figures: r.many.figures({ from: r.articles.id, to: r.figures.articleId }),
  },
  articlePeople: {
    article: r.one.articles({ from: r.articlePeople.articleId, to: r.articles.id, optional: false }),
    person: r.one.people({ from: r.articlePeople.personId, to: r.people.id, optional: false }),
  },
  articleOrganisations: {
    article: r.one.articles({ from: r.articleOrganisations.articleId, to: r.articles.id, optional: false }),
    organisation: r.one.organisations({
      from: r.articleOrganisations.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  articlePlaces: {
    article: r.one.articles({ from: r.articlePlaces.articleId, to: r.articles.id, optional: false }),
    place: r.one.places({ from: r.articlePlaces.placeId, to: r.places.id, optional: false }),
  },
  cameoCodes: {
    engagements: r.many.engagements({ from: r.cameoCodes.code, to: r.engagements.cameoCode }),
  },
  engagements: {
    cameo: r.one.cameoCodes({ from: r.engagements.cameoCode, to: r.cameoCodes.code, optional: false }),
    place: r.one.places({ from: r.engagements.placeId, to: r.places.id }),
    participants: r.many.participants({ from: r.engagements.id, to: r.participants.engagementId }),
    articleLinks: r.many.engagementArticles({ from: r.engagements.id, to: r.engagementArticles.engagementId }),
    articles: r.many.articles({
      from: r.engagements.id.through(r.engagementArticles.engagementId),
      to: r.articles.id.through(r.engagementArticles.articleId),
    }),
    quotes: r.many.quotes({ from: r.engagements.id, to: r.quotes.engagementId }),
  },
  participants: {
    engagement: r.one.engagements({ from: r.participants.engagementId, to: r.engagements.id, optional: false }),
    person: r.one.people({ from: r.participants.personId, to: r.people.id }),
    organisation: r.one.organisations({ from: r.participants.organisationId, to: r.organisations.id }),
  },
  coActors: {
    otherPerson: r.one.people({ from: r.coActors.otherPersonId, to: r.people.id }),
    otherOrganisation: r.one.organisations({ from: r.coActors.otherOrganisationId, to: r.organisations.id }),
  },
  engagementArticles: {
    engagement: r.one.engagements({ from: r.engagementArticles.engagementId, to: r.engagements.id, optional: false }),
    article: r.one.articles({ from: r.engagementArticles.articleId, to: r.articles.id, optional: false }),
  },
  quotes: {
    article: r.one.articles({ from: r.quotes.articleId, to: r.articles.id, optional: false }),
    speakerPerson: r.one.people({ from: r.quotes.speakerPersonId, to: r.people.id }),
    speakerOrganisation: r.one.organisations({ from: r.quotes.speakerOrganisationId, to: r.organisations.id }),
    engagement: r.one.engagements({ from: r.quotes.engagementId, to: r.engagements.id }),
  },
  figures: {
    article: r.one.articles({ from: r.figures.articleId, to: r.articles.id, optional: false }),
  },
  // A possible duplicate pair's two rows: the two relations of the pair's type are set.
  possibleDuplicates: {
    personA: r.one.people({ from: r.possibleDuplicates.personAId, to: r.people.id }),
    personB: r.one.people({ from: r.possibleDuplicates.personBId, to: r.people.id }),
    organisationA: r.one.organisations({ from: r.possibleDuplicates.organisationAId, to: r.organisations.id }),
    organisationB: r.one.organisations({ from: r.possibleDuplicates.organisationBId, to: r.organisations.id }),
    placeA: r.one.places({ from: r.possibleDuplicates.placeAId, to: r.places.id }),
    placeB: r.one.places({ from: r.possibleDuplicates.placeBId, to: r.places.id }),
  },
  // A search document's row: exactly one of these is non-null (the one of the document's kind).
  searchDocs: {
    article: r.one.articles({ from: r.searchDocs.articleId, to: r.articles.id }),
    person: r.one.people({ from: r.searchDocs.personId, to: r.people.id }),
    organisation: r.one.organisations({ from: r.searchDocs.organisationId, to: r.organisations.id }),
    place: r.one.places({ from: r.searchDocs.placeId, to: r.places.id }),
    engagement: r.one.engagements({ from: r.searchDocs.engagementId, to: r.engagements.id }),
  },
}));

export type Relations = typeof relations;
