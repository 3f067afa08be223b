import { DataSource, SelectQueryBuilder } from "typeorm";
import { reuseSqlText } from "../../database/sql-text-cache";
import { inKeyOrder } from "../../shared/batch";
import { BadUserInputError } from "../../shared/errors";
import { isStorableText } from "../../shared/input-text";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import {
  ComputedColumns,
  PageColumn,
  ParentScope,
  countByParent,
  fetchPage,
  fetchPagesByParent,
  pageColumnOfParents,
  shapedEntity,
} from "../../shared/pagination/fetch";
import { Page } from "../../shared/pagination/page";
import { PageRequest, pageRequest, pageRequestKey } from "../../shared/pagination/page-request";
import { decodeGlobalIdOf } from "../../shared/global-id";
import { ArticleTag, Author } from "../directory";
import { ArticleAuthor } from "./byline/article-author.entity";
import { readBylines } from "./byline/byline-reader";
import { articleListShape } from "./list/article-list-shape";
import { ArticleStatus } from "./article-status";
import { Article } from "./article.entity";
import { ArticleFilter } from "./list/article.inputs";
import { articlePolicy } from "./article-policy";
import { articleOrders, ranksMatches, windowRankedBy } from "./list/article.orders";
import { User } from "../user";
import { SEARCH_ALIAS, searchMatch } from "./list/search";
import { ReadWindow } from "./views/read-window";
import { READS_ALIAS, ViewService } from "./views/view.service";

const messages = {
  tooManyTags: "filter.tagSlugs takes at most 20 slugs.",
  tooManyExcluded: "filter.excludeIds takes at most 100 ids.",
  slugOrId: "Pass either slug or id to article, not both and not neither.",
  relevanceNeedsSearch: "orderBy RELEVANCE ranks search results: give filter.search too.",
  windowNeedsMostRead: "filter.readWindow is the window orderBy MOST_READ ranks by: give orderBy MOST_READ too, or leave it out.",
};

/** Search results carry their relevance, for the RELEVANCE order and its cursors. */
const withRelevance: ComputedColumns<Article, Article> = {
  columns: { relevance: `${SEARCH_ALIAS}.relevance` },
  build: (article, raw) => Object.assign(article, { relevance: Number(raw.relevance) }),
};

/** MOST_READ lists carry each article's views in the window, for its cursors. */
const withViews: ComputedColumns<Article, Article> = {
  columns: { views: `COALESCE(${READS_ALIAS}.views, 0)` },
  build: (article, raw) => Object.assign(article, { views: Number(raw.views) }),
};

/** Both sets of computed columns, on one row. */
function bothOf(
  a: ComputedColumns<Article, Article> | undefined,
  b: ComputedColumns<Article, Article> | undefined,
): ComputedColumns<Article, Article> | undefined {
  if (!a || !b) return a ?? b;
  return { columns: { ...a.columns, ...b.columns }, build: (article, raw) => b.build(a.build(article, raw), raw) };
}

const MAX_TAG_SLUGS = 20;
const MAX_EXCLUDED = 100;

/** Page columns kept at most: one per owner kind, page size and selection that lists ask for. */
const MAX_PAGE_COLUMNS = 500;

/** Reads of published articles, what every reader may see, and the lists of other statuses that staff may filter for. */
export class ArticleService {
  private readonly pageColumns = new Map<string, PageColumn<Article>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly views: ViewService,
  ) {}

  /** Checks `article(slug, id)`'s arguments; returns the row id when looked up by id. */
  lookupId(slug: string | null | undefined, id: string | null | undefined): number | null {
    if ((slug == null) === (id == null)) throw new BadUserInputError(messages.slugOrId, { field: "slug" });
    return id == null ? null : decodeGlobalIdOf("Article", id, "id");
  }

  /** `viewer` matters only for a `filter.status` other than PUBLISHED (see `articlePolicy.listScope`). */
  async list(filter: ArticleFilter | null | undefined, request: PageRequest<Article>, viewer: User | null = null): Promise<Connection<Article>> {
    const searching = filter?.search != null;
    if (ranksMatches(request.order) && !searching) {
      throw new BadUserInputError(messages.relevanceNeedsSearch, { field: "orderBy" });
    }
    const window = windowRankedBy(request.order);
    if (filter?.readWindow != null && window === null) throw new BadUserInputError(messages.windowNeedsMostRead, { field: "filter.readWindow" });
    const qb = this.filtered(filter ?? {}, viewer);
    // Only the page joins the views: the count needs none.
    const ranked = window === null ? qb : this.withReads(qb.clone(), window);
    const computed = bothOf(searching ? withRelevance : undefined, window === null ? undefined : withViews);
    const page = await fetchPage(ranked, "article", request, computed, articleListShape(request));
    return connectionFrom(page, () => qb.getCount());
  }

  async byIds(ids: readonly number[]): Promise<(Article | null)[]> {
    const rows = await this.published().andWhere("article.id IN (:...ids)", { ids }).getMany();
    return inKeyOrder(ids, rows, (article) => article.id);
  }

  async inListByIds(ids: readonly number[]): Promise<(Article | null)[]> {
    const shape = articleListShape();
    const raw = await reuseSqlText(shape.select(this.published(), "article").andWhere("article.id IN (:...ids)", { ids })).getRawMany();
    const rows = raw.map(shapedEntity(this.dataSource, Article, "article", shape));
    return inKeyOrder(ids, rows, (article) => article.id);
  }

  /** The body, headings and content of articles a list read without them, whatever their status: the list decided who sees them. */
  async bodies(ids: readonly number[]): Promise<Pick<Article, "body" | "headings" | "content" | "keepReadingAfterBlockId">[]> {
    const rows = await this.dataSource
      .getRepository(Article)
      .createQueryBuilder("article")
      .select(["article.id", "article.body", "article.headings", "article.content", "article.keepReadingAfterBlockId"])
      .where("article.id IN (:...ids)", { ids })
      .getMany();
    return inKeyOrder(ids, rows, (article) => article.id).map((row) => row ?? { body: "", headings: [], content: [], keepReadingAfterBlockId: null });
  }

  /**
   * The newest published articles of the whole site, as many as each key
   * asks (a list row each, tags not read): one statement for the largest.
   */
  async newest(counts: readonly number[]): Promise<Article[][]> {
    const request = pageRequest({ first: Math.max(...counts) }, articleOrders.NEWEST);
    const page = await fetchPage(this.published(), "article", request, undefined, articleListShape(request));
    return counts.map((count) => page.nodes.slice(0, count));
  }

  bylines(articleIds: readonly number[]): Promise<Author[][]> {
    return readBylines(this.dataSource, articleIds);
  }

  /** "Load More By": the articles an author leads or co-wrote. */
  pagesByAuthor(authorIds: readonly number[], request: PageRequest<Article>): Promise<Page<Article>[]> {
    return fetchPagesByParent(this.byAuthor(), "article", authorIds, request, articleListShape(request));
  }

  /** `pagesByAuthor`'s page as a column of a statement listing authors, whose row key is the SQL `authorKey` (see `pageColumnOfParents`). */
  pageColumnByAuthor(request: PageRequest<Article>, authorKey: string): PageColumn<Article> {
    return this.keptPageColumn("author", request, authorKey, () => this.byAuthor());
  }

  countByAuthor(authorIds: readonly number[]): Promise<number[]> {
    return countByParent(this.byAuthor(), authorIds);
  }

  pagesByCategory(categoryIds: readonly number[], request: PageRequest<Article>): Promise<Page<Article>[]> {
    return fetchPagesByParent(this.byCategory(), "article", categoryIds, request, articleListShape(request));
  }

  pageColumnByCategory(request: PageRequest<Article>, categoryKey: string): PageColumn<Article> {
    return this.keptPageColumn("category", request, categoryKey, () => this.byCategory());
  }

  countByCategory(categoryIds: readonly number[]): Promise<number[]> {
    return countByParent(this.byCategory(), categoryIds);
  }

  pagesByTag(tagIds: readonly number[], request: PageRequest<Article>): Promise<Page<Article>[]> {
    return fetchPagesByParent(this.byTag(), "article", tagIds, request, articleListShape(request));
  }

  pageColumnByTag(request: PageRequest<Article>, tagKey: string): PageColumn<Article> {
    return this.keptPageColumn("tag", request, tagKey, () => this.byTag());
  }

  countByTag(tagIds: readonly number[]): Promise<number[]> {
    return countByParent(this.byTag(), tagIds);
  }

  /**
   * The page column of `owner`'s feed for `request` under parents keyed by
   * `parentKey`, made once and kept: its text and reading are the same for
   * every request that asks the same page (no cursor, so no values but the
   * status), and building it is most of what the column costs.
   */
  private keptPageColumn(owner: string, request: PageRequest<Article>, parentKey: string, scopes: () => ParentScope<Article>[]): PageColumn<Article> {
    const key = `${owner} ${parentKey} ${pageRequestKey(request)}`;
    let column = this.pageColumns.get(key);
    if (!column) {
      column = pageColumnOfParents(scopes(), "article", request, articleListShape(request), parentKey);
      if (this.pageColumns.size < MAX_PAGE_COLUMNS) this.pageColumns.set(key, column);
    }
    return column;
  }

  /** Published articles, aliased `article`: where every reader's query starts. */
  published(): SelectQueryBuilder<Article> {
    // A literal (the enum's, never input), not a parameter: PostgreSQL plans a prepared list statement without
    // parameters once, where with one it weighs a custom plan against the generic one at every execution and
    // re-plans when the generic one looks dearer (a directory's pages of articles: 0.8 ms a time).
    return this.dataSource.getRepository(Article).createQueryBuilder("article").where(`article.status = '${ArticleStatus.PUBLISHED}'`);
  }

  /** `qb` with each article's views in `window` joined as `reads.views` (null for articles nobody read). */
  private withReads(qb: SelectQueryBuilder<Article>, window: ReadWindow): SelectQueryBuilder<Article> {
    const reads = this.views.readsTable(window);
    return qb.leftJoin(reads.sql, READS_ALIAS, `${READS_ALIAS}.article_id = article.id`, reads.parameters);
  }

  /**
   * An author's published articles come by two paths, each with its own
   * index: those they lead (`article.author_id`, the author feed's index)
   * and those they co-wrote (bylines past the lead, a partial index). One
   * path through every byline would read each of the author's articles to
   * find the newest few.
   */
  private byAuthor(): ParentScope<Article>[] {
    return [
      { qb: this.published(), parentColumn: "article.author_id" },
      {
        qb: this.published().innerJoin(ArticleAuthor, "byline", "byline.article_id = article.id AND byline.position > 0"),
        parentColumn: "byline.author_id",
      },
    ];
  }

  private byCategory(): ParentScope<Article>[] {
    return [{ qb: this.published(), parentColumn: "article.category_id" }];
  }

  private byTag(): ParentScope<Article>[] {
    return [{ qb: this.published().innerJoin(ArticleTag, "article_tag", "article_tag.article_id = article.id"), parentColumn: "article_tag.tag_id" }];
  }

  /** Articles in `status` that `viewer` may list: for PUBLISHED, `published()`. */
  private withStatus(status: ArticleStatus, viewer: User | null): SelectQueryBuilder<Article> {
    if (status === ArticleStatus.PUBLISHED) return this.published();
    const scope = articlePolicy.listScope(viewer, status);
    const qb = this.dataSource.getRepository(Article).createQueryBuilder("article").where("article.status = :status", { status });
    if (scope === "all") return qb;
    return scope.authorId === null ? qb.andWhere("1 = 0") : qb.andWhere("article.author_id = :ownAuthorId", { ownAuthorId: scope.authorId });
  }

  private filtered(filter: ArticleFilter, viewer: User | null): SelectQueryBuilder<Article> {
    const qb = this.withStatus(filter.status ?? ArticleStatus.PUBLISHED, viewer);
    const slugs = [filter.authorSlug, filter.categorySlug, ...(filter.tagSlugs ?? [])].filter((slug): slug is string => slug != null);
    if (filter.tagSlugs != null && filter.tagSlugs.length > MAX_TAG_SLUGS) throw new BadUserInputError(messages.tooManyTags, { field: "filter.tagSlugs" });
    // No author, section or tag has such a slug, and the database would refuse the parameter: nothing matches (see isStorableText).
    if (!slugs.every(isStorableText)) qb.andWhere("1 = 0");
    else this.filterBySlugs(qb, filter);
    if (filter.search != null) {
      const match = searchMatch(this.dataSource, filter.search);
      qb.innerJoin(match.sql, SEARCH_ALIAS, `${SEARCH_ALIAS}.id = article.id`, match.parameters);
    }
    if (filter.publishedAfter != null) {
      qb.andWhere("article.published_at >= :publishedAfter", { publishedAfter: filter.publishedAfter });
    }
    if (filter.publishedBefore != null) {
      qb.andWhere("article.published_at < :publishedBefore", { publishedBefore: filter.publishedBefore });
    }
    if (filter.excludeIds != null) this.excludeIds(qb, filter.excludeIds);
    return qb;
  }

  private filterBySlugs(qb: SelectQueryBuilder<Article>, filter: ArticleFilter): void {
    if (filter.authorSlug != null) {
      qb.andWhere(
        "article.id IN (SELECT byline.article_id FROM article_author byline JOIN author ON author.id = byline.author_id WHERE author.slug = :authorSlug)",
        {
          authorSlug: filter.authorSlug,
        },
      );
    }
    if (filter.categorySlug != null) {
      qb.andWhere("article.category_id IN (SELECT id FROM category WHERE slug = :categorySlug)", {
        categorySlug: filter.categorySlug,
      });
    }
    if (filter.tagSlugs != null) this.filterByTags(qb, filter.tagSlugs);
  }

  private filterByTags(qb: SelectQueryBuilder<Article>, tagSlugs: string[]): void {
    if (tagSlugs.length === 0) {
      qb.andWhere("1 = 0");
      return;
    }
    qb.andWhere(
      `EXISTS (SELECT 1 FROM article_tag filter_tag JOIN tag ON tag.id = filter_tag.tag_id
        WHERE filter_tag.article_id = article.id AND tag.slug IN (:...tagSlugs))`,
      { tagSlugs },
    );
  }

  private excludeIds(qb: SelectQueryBuilder<Article>, globalIds: string[]): void {
    if (globalIds.length > MAX_EXCLUDED) throw new BadUserInputError(messages.tooManyExcluded, { field: "filter.excludeIds" });
    const ids = globalIds.map((globalId) => decodeGlobalIdOf("Article", globalId, "filter.excludeIds"));
    if (ids.length > 0) qb.andWhere("article.id NOT IN (:...excludedIds)", { excludedIds: ids });
  }
}
