/**
 * Every operation the explorer sends, named as in its file under operations/ (one a file, each a
 * trusted document: see client.ts), wrapped once here so that each document is hashed once.
 */
import { operation } from './client.ts';
import ArticlePageDoc from './operations/ArticlePage.graphql?raw';
import EngagementPageDoc from './operations/EngagementPage.graphql?raw';
import EntityPageDoc from './operations/EntityPage.graphql?raw';
import HomeDoc from './operations/Home.graphql?raw';
import MoreArticlesDoc from './operations/MoreArticles.graphql?raw';
import MoreEngagementsDoc from './operations/MoreEngagements.graphql?raw';
import SearchDoc from './operations/Search.graphql?raw';

export const ArticlePage = operation(ArticlePageDoc);
export const EngagementPage = operation(EngagementPageDoc);
/** A person's, organisation's or place's page: the variable `person`, `organisation` or `place` (true) says which. */
export const EntityPage = operation(EntityPageDoc);
export const Home = operation(HomeDoc);
export const MoreArticles = operation(MoreArticlesDoc);
export const MoreEngagements = operation(MoreEngagementsDoc);
/** The search page, and the search box's suggestions (`types` narrows them). */
export const Search = operation(SearchDoc);
