import { InitialSchema1764380000000 } from "./1764380000000-InitialSchema";
import { ArticlePageAndSearch1764390000000 } from "./1764390000000-ArticlePageAndSearch";
import { CommentWrites1764400000000 } from "./1764400000000-CommentWrites";
import { EditorialApi1764410000000 } from "./1764410000000-EditorialApi";
import { ArticleRevisions1764420000000 } from "./1764420000000-ArticleRevisions";
import { TaxonomyAndUsers1764430000000 } from "./1764430000000-TaxonomyAndUsers";
import { RelatedRankingIndex1764440000000 } from "./1764440000000-RelatedRankingIndex";
import { OutboxChannels1764455120000 } from "./1764455120000-OutboxChannels";
import { ArticleViews1764460000000 } from "./1764460000000-ArticleViews";
import { CommentVotes1764465150000 } from "./1764465150000-CommentVotes";
import { ImageFocalPoint1764702315000 } from "./1764702315000-ImageFocalPoint";
import { ArticleSeoOverrides1764800000000 } from "./1764800000000-ArticleSeoOverrides";
import { SitemapIndex1764810000000 } from "./1764810000000-SitemapIndex";
import { Webhooks1764820000000 } from "./1764820000000-Webhooks";
import { ArticleContentBlocks1764830000000 } from "./1764830000000-ArticleContentBlocks";
import { CoAuthors1764840000000 } from "./1764840000000-CoAuthors";
import { CommentPartialIndexes1764850000000 } from "./1764850000000-CommentPartialIndexes";

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [
  InitialSchema1764380000000,
  ArticlePageAndSearch1764390000000,
  CommentWrites1764400000000,
  EditorialApi1764410000000,
  ArticleRevisions1764420000000,
  TaxonomyAndUsers1764430000000,
  RelatedRankingIndex1764440000000,
  OutboxChannels1764455120000,
  ArticleViews1764460000000,
  CommentVotes1764465150000,
  ImageFocalPoint1764702315000,
  ArticleSeoOverrides1764800000000,
  SitemapIndex1764810000000,
  Webhooks1764820000000,
  ArticleContentBlocks1764830000000,
  CoAuthors1764840000000,
  CommentPartialIndexes1764850000000,
];
