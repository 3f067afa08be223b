import { DataSource } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { SitemapLimits } from "../../../config";
import { isPostgres } from "../../../database/dialect";
import { Article, ArticleStatus } from "../../article";
import { PublicUrls } from "../../directory";
import { ChildSitemap, OwnerKind } from "./sitemap-kinds";
import { NewsEntry, SitemapUrl } from "./sitemap-xml";

/** Rows are read in id windows this wide: a statement returns at most this many, and a child takes at most urlsPerSitemap / BATCH_IDS statements. */
export const BATCH_IDS = 1_000;

/** A child's entry in the index: the newest change it shows. */
export interface ChildEntry extends ChildSitemap {
  lastmod: Date;
}

/** A child about to be streamed: its validators, read before the first byte is sent, and its URLs in batches. */
export interface OpenChild {
  lastModified: Date;
  /** Changes whenever what the child shows may have changed: the ETag is made from it. */
  signature: string;
  batches: AsyncIterable<SitemapUrl[]>;
}

type Row = Record<string, unknown>;

/** Ids are `integer` columns: PostgreSQL refuses a bound past this one rather than finding nothing. */
const LAST_ID = 2_147_483_647;

/** The owner tables and how an owner's page is dated: the publication time of its newest published article. */
const OWNERS: Record<OwnerKind, { table: string; url: (urls: PublicUrls, owner: { slug: string }) => string; lastmod: string }> = {
  sections: {
    table: "category",
    url: (urls, owner) => urls.section(owner),
    // `article_category_feed` (category_id, status, published_at, id): one seek per section.
    lastmod: "(SELECT MAX(a.published_at) FROM article a WHERE a.category_id = o.id AND a.status = :published)",
  },
  authors: {
    table: "author",
    url: (urls, owner) => urls.author(owner),
    // The articles they lead (`article_author_feed`) and those they co-wrote (`article_coauthor_by_author`).
    lastmod: `(SELECT MAX(dates.published_at) FROM (
                 SELECT MAX(a.published_at) AS published_at FROM article a WHERE a.author_id = o.id AND a.status = :published
                 UNION ALL
                 SELECT MAX(a.published_at) FROM article_author b JOIN article a ON a.id = b.article_id
                 WHERE b.author_id = o.id AND b.position > 0 AND a.status = :published) dates)`,
  },
  tags: {
    table: "tag",
    url: (urls, owner) => urls.tag(owner),
    // The newest by id (`article_tag_by_tag` read backwards until a published one), not the latest of all of them:
    // that would read every article of the tag for each tag.
    lastmod: `(SELECT a.published_at FROM article_tag t JOIN article a ON a.id = t.article_id
               WHERE t.tag_id = o.id AND a.status = :published ORDER BY t.article_id DESC LIMIT 1)`,
  },
};

/**
 * What the sitemaps list, read straight from the tables in id order.
 * Child `n` of a kind covers the ids from (n-1)·P+1 to n·P (P: urlsPerSitemap),
 * so it never holds more than P URLs and is found without counting what comes
 * before it (no OFFSET); a child none of whose ids is listed does not exist.
 * Articles: published ones only, dated by their last change. Sections,
 * authors and tags: those with a published article, dated by its publication.
 */
export class SitemapSource {
  private readonly updatedAt: ColumnMetadata;
  /**
   * Names `article_sitemap` to SQLite, whose planner (3.53) reads those rows
   * through the table (or a skip-scan of another index) instead, even with
   * statistics: 2.9 s instead of 90 ms to read them at 100,000 articles.
   */
  private readonly publishedById: string;
  /** Where PUBLIC_URL and ARTICLE_URL_TEMPLATE put pages: part of every child's ETag, since a new setting moves every URL. */
  private readonly urlShape: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly urls: PublicUrls,
    private readonly limits: SitemapLimits,
  ) {
    this.updatedAt = dataSource.getMetadata(Article).findColumnWithPropertyName("updatedAt")!;
    this.urlShape = urls.article({ slug: "slug" }, { slug: "section" });
    this.publishedById = isPostgres(dataSource) ? "article a" : "article a INDEXED BY article_sitemap";
  }

  /**
   * Every child, in order. Articles: a statement per child (found from the
   * highest published id, one seek), each reading its id range from the
   * `article_sitemap` index (status, id, updated_at) without the table, in id
   * order: nothing to sort, and as many rows read as published articles.
   * Owners: one pass over each owner table; their children are dated by the
   * newest publication anywhere (one seek), which bounds the dates they show.
   */
  async children(): Promise<ChildEntry[]> {
    const entries: ChildEntry[] = [];
    const [highest] = await this.rows(`SELECT a.id FROM ${this.publishedById} WHERE a.status = :published ORDER BY a.id DESC LIMIT 1`);
    for (let page = 1; highest && this.rangeOf(page).from < Number(highest.id); page++) {
      const range = await this.articleRange(this.rangeOf(page));
      if (range) entries.push({ kind: "articles", page, lastmod: range.lastmod });
    }
    const newest = this.date((await this.rows(`SELECT MAX(a.published_at) AS newest FROM article a WHERE a.status = :published`))[0].newest);
    for (const kind of Object.keys(OWNERS) as OwnerKind[]) {
      const pages = newest
        ? await this.rows(`SELECT DISTINCT ${this.pageOf("o.id")} AS page FROM ${OWNERS[kind].table} o WHERE ${OWNERS[kind].lastmod} IS NOT NULL ORDER BY page`)
        : [];
      entries.push(...pages.map((row) => ({ kind, page: Number(row.page) + 1, lastmod: newest! })));
    }
    return entries;
  }

  /** The child's validators and its URLs, or null when it lists nothing (past the last id, or only drafts there). */
  async open({ kind, page }: ChildSitemap): Promise<OpenChild | null> {
    const { from, to } = this.rangeOf(page);
    if (from >= LAST_ID) return null;
    const state = kind === "articles" ? await this.articleState(from, to) : await this.ownerState(kind, from, to);
    if (!state) return null;
    const batches = kind === "articles" ? this.articleBatches(from, to) : this.ownerBatches(kind, from, to);
    const first = await batches.next();
    if (first.done) return null;
    return { ...state, batches: prepend(first.value, batches) };
  }

  /** Published articles of the last `hours`, newest first, at most `newsArticles` of them (`article_feed`: status, published_at, id). */
  async news(now: Date, hours: number): Promise<NewsEntry[]> {
    const rows = await this.rows(
      `SELECT a.slug, a.title, a.published_at, c.slug AS section FROM article a JOIN category c ON c.id = a.category_id
       WHERE a.status = :published AND a.published_at >= :since AND a.published_at <= :now
       ORDER BY a.published_at DESC, a.id DESC LIMIT ${this.whole(this.limits.newsArticles)}`,
      { since: new Date(now.getTime() - hours * 3_600_000), now },
    );
    return rows.map((row) => ({
      loc: this.urls.article({ slug: String(row.slug) }, { slug: String(row.section) }),
      title: String(row.title),
      publishedAt: this.date(row.published_at)!,
    }));
  }

  /** The ids child `page` covers: above `from`, up to `to`. */
  private rangeOf(page: number): { from: number; to: number } {
    const from = (page - 1) * this.whole(this.limits.urlsPerSitemap);
    return { from, to: Math.min(from + this.limits.urlsPerSitemap, LAST_ID) };
  }

  /** The published articles of an id range, counted and dated from the index alone; null when there are none. */
  private async articleRange({ from, to }: { from: number; to: number }): Promise<{ n: number; lastmod: Date; ids: string } | null> {
    const [range] = await this.rows(
      `SELECT COUNT(*) AS n, MAX(a.updated_at) AS lastmod, SUM(a.id) AS ids FROM ${this.publishedById} WHERE a.status = :published AND a.id > :from AND a.id <= :to`,
      { from, to },
    );
    return Number(range.n) === 0 ? null : { n: Number(range.n), lastmod: this.date(range.lastmod)!, ids: String(range.ids) };
  }

  private async articleState(from: number, to: number): Promise<Omit<OpenChild, "batches"> | null> {
    const range = await this.articleRange({ from, to });
    if (!range) return null;
    // Article URLs may name their section: renaming one (which bumps its version) moves them.
    const [sections] = this.urls.articlesNameSection ? await this.rows(`SELECT COUNT(*) AS n, SUM(version) AS versions, MAX(id) AS last FROM category`) : [{}];
    return { lastModified: range.lastmod, signature: JSON.stringify([range.n, range.lastmod.getTime(), range.ids, sections, this.urlShape]) };
  }

  private async ownerState(kind: OwnerKind, from: number, to: number): Promise<Omit<OpenChild, "batches"> | null> {
    const [owners] = await this.rows(
      `SELECT COUNT(*) AS n, SUM(o.version) AS versions, SUM(o.id) AS ids FROM ${OWNERS[kind].table} o WHERE o.id > :from AND o.id <= :to`,
      { from, to },
    );
    if (Number(owners.n) === 0) return null;
    // The owners' dates move with any publication or withdrawal: the published articles' count and newest date cover both.
    const [articles] = await this.rows(`SELECT COUNT(*) AS n, MAX(a.published_at) AS newest FROM article a WHERE a.status = :published`);
    const newest = this.date(articles.newest);
    if (!newest) return null;
    return {
      lastModified: newest,
      signature: JSON.stringify([kind, owners.n, String(owners.versions), String(owners.ids), articles.n, newest.getTime(), this.urlShape]),
    };
  }

  private async *articleBatches(from: number, to: number): AsyncGenerator<SitemapUrl[]> {
    for (let after = from; after < to; after += BATCH_IDS) {
      const rows = await this.rows(
        `SELECT a.slug, a.updated_at, c.slug AS section FROM article a JOIN category c ON c.id = a.category_id
         WHERE a.status = :published AND a.id > :after AND a.id <= :until ORDER BY a.id`,
        { after, until: Math.min(after + BATCH_IDS, to) },
      );
      if (rows.length > 0)
        yield rows.map((row) => ({ loc: this.urls.article({ slug: String(row.slug) }, { slug: String(row.section) }), lastmod: this.date(row.updated_at)! }));
    }
  }

  private async *ownerBatches(kind: OwnerKind, from: number, to: number): AsyncGenerator<SitemapUrl[]> {
    const owner = OWNERS[kind];
    for (let after = from; after < to; after += BATCH_IDS) {
      const rows = await this.rows(
        `SELECT slug, lastmod FROM (SELECT o.id, o.slug, ${owner.lastmod} AS lastmod FROM ${owner.table} o WHERE o.id > :after AND o.id <= :until) dated
         WHERE lastmod IS NOT NULL ORDER BY id`,
        { after, until: Math.min(after + BATCH_IDS, to) },
      );
      if (rows.length > 0) yield rows.map((row) => ({ loc: owner.url(this.urls, { slug: String(row.slug) }), lastmod: this.date(row.lastmod)! }));
    }
  }

  /** `(id - 1) / P`: the zero-based page of an id, in integer arithmetic on both stores. */
  private pageOf(id: string): string {
    return `((${id} - 1) / ${this.whole(this.limits.urlsPerSitemap)})`;
  }

  /** A limit written into SQL as a literal (PostgreSQL would not group by two placeholders as one expression). */
  private whole(value: number): number {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`sitemap limits must be whole numbers above 0, got ${value}`);
    return value;
  }

  private rows(sql: string, parameters: Record<string, unknown> = {}): Promise<Row[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, { published: ArticleStatus.PUBLISHED, ...parameters });
    return this.dataSource.query(query, values);
  }

  /** A timestamp as the store hands it back (a Date from pg, text from SQLite), converted as the entities' are. */
  private date(value: unknown): Date | null {
    return value == null ? null : (this.dataSource.driver.prepareHydratedValue(value, this.updatedAt) as Date);
  }
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
