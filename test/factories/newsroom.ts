import { ArticleStatus } from "../../src/modules/article/article-status";
import { encodeGlobalId } from "../../src/shared/global-id";
import { Role } from "../../src/modules/user/role";
import { ValueSources } from "../helpers/fuzz-values";
import { TestServer } from "../helpers/test-server";
import { createArticle, createAuthor, createCategory, createComment, createTag } from "./content";
import { createUser, signIn } from "./users";

export interface Newsroom {
  /** Genuine ids, strings and cursors, for the fuzzer to mix with hostile ones. */
  sources: ValueSources;
  /** A genuine global id of each type `node(id:)` fetches. */
  idOf: Record<string, string>;
  /** Headers of a signed-in editor. */
  editor: Record<string, string>;
  articleSlugs: string[];
}

const CURSORS = `query Cursors($slug: String!) {
  newest: articles(first: 1) { pageInfo { endCursor } }
  discussed: articles(first: 1, orderBy: MOST_DISCUSSED) { pageInfo { endCursor } }
  relevance: articles(first: 1, orderBy: RELEVANCE, filter: { search: "happened" }) { pageInfo { endCursor } }
  mostRead: articles(first: 1, orderBy: MOST_READ, filter: { readWindow: DAY }) { pageInfo { endCursor } }
  authors(first: 1) { pageInfo { endCursor } }
  categories(first: 1) { pageInfo { endCursor } }
  tags(first: 1) { pageInfo { endCursor } }
  article(slug: $slug) {
    comments(first: 1) { pageInfo { endCursor } nodes { replies(first: 1) { pageInfo { endCursor } } } }
    inlineFeedback(first: 1) { pageInfo { endCursor } }
    relatedArticles(first: 1) { pageInfo { endCursor } }
  }
}`;

/**
 * A small publication (sections, tags, authors, published and draft articles,
 * threads with replies and inline feedback, an editor and a guest's comment),
 * and the genuine values clients would have seen: every cursor kind is read
 * through the API, so a new list's cursors only need a line in CURSORS.
 */
export async function seedNewsroom(server: TestServer): Promise<Newsroom> {
  const ds = server.dataSource;
  const authors = [await createAuthor(ds), await createAuthor(ds)];
  const categories = [await createCategory(ds), await createCategory(ds)];
  const tags = [await createTag(ds), await createTag(ds), await createTag(ds)];
  const articles = [];
  for (let i = 0; i < 6; i++) {
    articles.push(await createArticle(ds, { author: authors[i % 2], category: categories[i % 2], tags: tags.slice(0, 1 + (i % 3)) }));
  }
  const draft = await createArticle(ds, { author: authors[0], category: categories[0], status: ArticleStatus.DRAFT, publishedAt: null });
  const thread = await createComment(ds, { article: articles[0] });
  const reply = await createComment(ds, { article: articles[0], parent: thread });
  const inline = await createComment(ds, { article: articles[0], anchorBlockId: "p-1", anchorQuote: "Something happened" });
  const editorUser = await createUser(ds, Role.EDITOR, authors[0]);
  const editor = await signIn(server, editorUser);

  const guest = await server.data(`mutation($input: AddCommentInput!) { addComment(input: $input) { editToken } }`, {
    input: { articleId: encodeGlobalId("Article", articles[1].id), authorName: "Guest", authorEmail: "guest@example.com", body: "A guest's view." },
  });
  const read = await server.data(CURSORS, { slug: articles[0].slug });
  const cursors = JSON.stringify(read)
    .match(/"endCursor":"([^"]+)"/g)!
    .map((match) => match.slice('"endCursor":"'.length, -1));

  return {
    sources: {
      ids: [
        ...articles.map((article) => encodeGlobalId("Article", article.id)),
        encodeGlobalId("Article", draft.id),
        ...authors.map((author) => encodeGlobalId("Author", author.id)),
        ...categories.map((category) => encodeGlobalId("Category", category.id)),
        ...tags.map((tag) => encodeGlobalId("Tag", tag.id)),
        ...[thread, reply, inline].map((comment) => encodeGlobalId("Comment", comment.id)),
      ],
      strings: [
        ...[...articles, draft, ...authors, ...categories, ...tags].map((row) => row.slug),
        guest.addComment.editToken,
        editorUser.email,
        "p-1",
        "the-story",
        "Something happened",
      ],
      cursors,
    },
    idOf: {
      Article: encodeGlobalId("Article", articles[0].id),
      Author: encodeGlobalId("Author", authors[0].id),
      Category: encodeGlobalId("Category", categories[0].id),
      Tag: encodeGlobalId("Tag", tags[0].id),
      Comment: encodeGlobalId("Comment", thread.id),
    },
    editor,
    articleSlugs: articles.map((article) => article.slug),
  };
}
