import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { CommentStatus } from "../src/modules/comment/comment-status";
import { Author } from "../src/modules/directory/author/author.entity";
import { Category } from "../src/modules/directory/category/category.entity";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory, createComment } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";

/** Every field of every block, as a native app asks for them. */
const CONTENT = `
  content {
    __typename
    ... on BlockBase { id inlineFeedbackCount }
    ... on HeadingBlock { level text anchor }
    ... on ParagraphBlock { text spans { text marks href } }
    ... on QuoteBlock { text spans { text marks href } attribution cite }
    ... on ListBlock { ordered items { id inlineFeedbackCount text spans { text marks href } } }
    ... on FigureBlock { image { url alt width height caption } caption credit }
    ... on EmbedBlock { url provider title caption }
    ... on KeepReadingBlock { article { slug } }
  }`;

const ARTICLE = `id version body headings { anchor } ${CONTENT}`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { ${ARTICLE} } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { ${ARTICLE} } } }`;
const PAGE = `query($slug: String!) { article(slug: $slug) { ${ARTICLE} keepReading { slug } } }`;

/** A body with every kind of block, as an editor writes it in Markdown (raw HTML for the figure and embed with captions). */
const EVERY_KIND = [
  "## The background",
  "A **bold *nested italic* word**, some `code`, and [a **strong** link](https://example.com/x).",
  '> The quote starts here.\n>\n> And goes on. <cite>— <a href="https://example.com/source">Jane Doe</a></cite>',
  "1. First item\n2. Second *item*",
  "- A bullet",
  "![A harbour](https://images.example.com/harbour.jpg)",
  "https://www.youtube.com/watch?v=abc",
  '<figure><img src="https://images.example.com/quay.jpg" alt="The quay" width="800" height="600"><figcaption>The quay at dawn. <cite>Photo: Ann Lee</cite></figcaption></figure>',
  '<figure><a href="https://vimeo.com/123">A short film</a><figcaption>Watch it</figcaption></figure>',
  "### What next",
  "The last paragraph.",
].join("\n\n");

type Block = Record<string, any>;

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph number ${i + 1}.`).join("\n\n");
const kinds = (content: Block[]) => content.map((block) => block.__typename);
const keepReadingIndex = (content: Block[]) => content.findIndex((block) => block.__typename === "KeepReadingBlock");
const blockBefore = (content: Block[]) => content[keepReadingIndex(content) - 1].id;
const bodyIds = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);

describeEachDatabase("article content as typed blocks", (server) => {
  let author: Author;
  let section: Category;
  let editor: Record<string, string>;

  before(async () => {
    const ds = server().dataSource;
    author = await createAuthor(ds, { slug: "block-writer", name: "Block Writer" });
    section = await createCategory(ds, { slug: "blocks", name: "Blocks" });
    editor = await signIn(server(), await createUser(ds, Role.EDITOR, author));
  });

  const create = async (body: string, extra: Record<string, unknown> = {}) =>
    (await server().data(CREATE, { input: { title: `Blocks ${Math.random()}`, body, categoryId: encodeGlobalId("Category", section.id), ...extra } }, editor))
      .createArticle.article;

  const update = async (article: { id: string; version: number }, extra: Record<string, unknown>) =>
    server().graphql(UPDATE, { input: { id: article.id, version: article.version, ...extra } }, editor);

  test("derives every kind of block from the saved body, marks nested, with the HTML body's ids and the headings' anchors", async () => {
    const article = await create(EVERY_KIND);
    const content: Block[] = article.content;
    assert.deepEqual(kinds(content), [
      "HeadingBlock",
      "ParagraphBlock",
      "QuoteBlock",
      "ListBlock",
      "ListBlock",
      "FigureBlock",
      "EmbedBlock",
      "FigureBlock",
      "EmbedBlock",
      "HeadingBlock",
      "ParagraphBlock",
      // Two paragraphs, fewer than five: after the last.
      "KeepReadingBlock",
    ]);
    const [heading, paragraph, quote, ordered, bullets, inlineFigure, bareEmbed, figure, figureEmbed, subheading, last, keepReading] = content;
    assert.deepEqual(heading, {
      __typename: "HeadingBlock",
      id: "the-background",
      inlineFeedbackCount: 0,
      level: 2,
      text: "The background",
      anchor: "the-background",
    });
    assert.equal(subheading.level, 3);
    assert.deepEqual(paragraph.spans, [
      { text: "A ", marks: [], href: null },
      { text: "bold ", marks: ["BOLD"], href: null },
      { text: "nested italic", marks: ["BOLD", "ITALIC"], href: null },
      { text: " word", marks: ["BOLD"], href: null },
      { text: ", some ", marks: [], href: null },
      { text: "code", marks: ["CODE"], href: null },
      { text: ", and ", marks: [], href: null },
      { text: "a ", marks: ["LINK"], href: "https://example.com/x" },
      { text: "strong", marks: ["BOLD", "LINK"], href: "https://example.com/x" },
      { text: " link", marks: ["LINK"], href: "https://example.com/x" },
      { text: ".", marks: [], href: null },
    ]);
    assert.equal(paragraph.text, "A bold nested italic word, some code, and a strong link.");
    assert.equal(quote.text, "The quote starts here.\nAnd goes on.");
    assert.equal(quote.attribution, "Jane Doe");
    assert.equal(quote.cite, "https://example.com/source");
    assert.equal(ordered.ordered, true);
    assert.deepEqual(
      ordered.items.map((item: Block) => [item.text, item.spans.map((span: Block) => span.marks)]),
      [
        ["First item", [[]]],
        ["Second item", [[], ["ITALIC"]]],
      ],
    );
    assert.equal(bullets.ordered, false);
    assert.deepEqual(inlineFigure.image, { url: "https://images.example.com/harbour.jpg", alt: "A harbour", width: null, height: null, caption: null });
    assert.deepEqual(bareEmbed, {
      __typename: "EmbedBlock",
      id: bareEmbed.id,
      inlineFeedbackCount: 0,
      url: "https://www.youtube.com/watch?v=abc",
      provider: "YouTube",
      title: null,
      caption: null,
    });
    assert.deepEqual(figure.image, { url: "https://images.example.com/quay.jpg", alt: "The quay", width: 800, height: 600, caption: "The quay at dawn." });
    assert.equal(figure.caption, "The quay at dawn.");
    assert.equal(figure.credit, "Photo: Ann Lee");
    assert.deepEqual([figureEmbed.provider, figureEmbed.title, figureEmbed.caption], ["Vimeo", "A short film", "Watch it"]);
    assert.equal(last.text, "The last paragraph.");

    // The blocks the HTML body anchors keep their ids there; the others have ids of their own that no element has.
    const ids = bodyIds(article.body);
    const anchored = [heading, paragraph, quote, inlineFigure, bareEmbed, subheading, last].map((block) => block.id);
    for (const id of anchored) assert.ok(ids.includes(id), `${id} is an id of the HTML body`);
    for (const item of [...ordered.items, ...bullets.items]) assert.ok(ids.includes(item.id), `${item.id} is an id of the HTML body`);
    const own = [keepReading, ordered, bullets, figure, figureEmbed].map((block) => block.id);
    for (const id of own) assert.ok(!ids.includes(id), `${id} is no id of the HTML body`);
    const every = content.map((block) => block.id);
    assert.equal(new Set(every).size, every.length);
    assert.deepEqual(
      content.filter((block) => block.__typename === "HeadingBlock").map((block) => block.anchor),
      article.headings.map((h: Block) => h.anchor),
    );
  });

  test("places Keep Reading after the fifth paragraph by default, after the last of fewer, where the editor says, and refuses an unknown block", async () => {
    const long = await create(`## Start\n\n${paragraphs(7)}`);
    assert.equal(blockBefore(long.content), long.content.filter((block: Block) => block.__typename === "ParagraphBlock")[4].id);
    const short = await create(`${paragraphs(3)}\n\n## Coda`);
    assert.equal(keepReadingIndex(short.content), 3);
    assert.equal(blockBefore(short.content), short.content[2].id);

    const placed = await create(`## Start\n\n${paragraphs(7)}`, { keepReadingAfterBlockId: "start" });
    assert.equal(keepReadingIndex(placed.content), 1);

    const moved = (await update(placed, { keepReadingAfterBlockId: "p-2" })).body.data.updateArticle.article;
    assert.equal(blockBefore(moved.content), "p-2");
    // A new body keeps the editor's place while it has that block, and falls back to the default when it does not.
    const kept = (await update(moved, { body: `## Start\n\n${paragraphs(6)}` })).body.data.updateArticle.article;
    assert.equal(blockBefore(kept.content), "p-2");
    const fallen = (await update(kept, { body: paragraphs(1) })).body.data.updateArticle.article;
    assert.deepEqual(kinds(fallen.content), ["ParagraphBlock", "KeepReadingBlock"]);
    const reset = (await update(placed, { keepReadingAfterBlockId: null, version: fallen.version })).body.data.updateArticle.article;
    assert.equal(blockBefore(reset.content), "p-1");

    const createInput = { title: "Misplaced", body: paragraphs(2), categoryId: encodeGlobalId("Category", section.id), keepReadingAfterBlockId: "p-9" };
    const refusals = [
      await server().graphql(CREATE, { input: createInput }, editor),
      // A list item is a block of the body but not of the content's top level, where the box sits.
      await update(reset, { body: "Intro.\n\n- An item", keepReadingAfterBlockId: "li-1" }),
    ];
    for (const response of refusals) {
      assert.equal(response.status, 200);
      assert.equal(response.body.data, null);
      const [error] = response.body.errors ?? [];
      assert.equal(error.extensions?.code, "BAD_USER_INPUT");
      assert.equal(error.extensions?.field, "input.keepReadingAfterBlockId");
      assert.doesNotMatch(JSON.stringify(error), /SELECT|stacktrace/i);
    }
  });

  test("counts approved inline feedback per block, a list's items included, pending feedback not counted", async () => {
    const ds = server().dataSource;
    const article = await createArticle(ds, {
      author,
      category: section,
      body: '<h2>Head</h2><p id="p-1">One.</p><ul><li id="li-1">A</li><li id="li-2">B</li></ul><p id="p-2">Two.</p>',
    });
    const pin = (blockId: string, status = CommentStatus.APPROVED) => createComment(ds, { article, anchorBlockId: blockId, anchorQuote: "x", status });
    await pin("p-1");
    await pin("p-1");
    await pin("p-1", CommentStatus.PENDING);
    await pin("li-2");
    await pin("p-2", CommentStatus.PENDING);
    const { content } = (await server().data(PAGE, { slug: article.slug })).article;
    const counts = Object.fromEntries(content.map((block: Block) => [block.id, block.inlineFeedbackCount]));
    assert.deepEqual(counts, { head: 0, "p-1": 2, "list-1": 1, "p-2": 0, "keep-reading": 0 });
    const list = content.find((block: Block) => block.__typename === "ListBlock");
    assert.deepEqual(
      list.items.map((item: Block) => [item.id, item.inlineFeedbackCount]),
      [
        ["li-1", 0],
        ["li-2", 1],
      ],
    );
  });

  test("adds one statement to a page showing the body, Keep Reading and inline feedback: all blocks' counts; Keep Reading's article is the page's pick", async () => {
    const ds = server().dataSource;
    const pick = await createArticle(ds, { author, category: section });
    const article = await createArticle(ds, { author, category: section, body: `<h2>Head</h2>${"<p>Words here.</p>".repeat(8)}<ul><li>A</li></ul>` });
    await ds.getRepository(Article).update({ id: article.id }, { keepReadingId: pick.id });
    for (const blockId of ["p-1", "p-3", "li-1"]) await createComment(ds, { article, anchorBlockId: blockId, anchorQuote: "Words" });
    const base = `body keepReading { slug } inlineFeedback(first: 5) { nodes { id anchor { blockId } } }`;
    const without = await server().countQueries(`query($slug: String!) { article(slug: $slug) { ${base} } }`, { slug: article.slug });
    const withContent = await server().countQueries(`query($slug: String!) { article(slug: $slug) { ${base} ${CONTENT} } }`, { slug: article.slug });
    assert.equal(withContent - without, 1, `content added ${withContent - without} statements to ${without}`);

    const page = (await server().data(PAGE, { slug: article.slug })).article;
    const box = page.content[keepReadingIndex(page.content)];
    assert.deepEqual(box.article, { slug: pick.slug });
    assert.deepEqual(page.keepReading, { slug: pick.slug });
    assert.equal(blockBefore(page.content), "p-5");
  });

  test("derives the content of rows saved before it existed: on read at once, and stored by the backfill when a server starts", async () => {
    const ds = server().dataSource;
    const article = await createArticle(ds, {
      author,
      category: section,
      body: '<h2 id="old">Old</h2><p id="p-1">An <em>older</em> article.</p><blockquote id="q-1">Said.</blockquote>',
    });
    const expected = (await server().data(PAGE, { slug: article.slug })).article.content;
    await ds.query(`UPDATE article SET content = NULL WHERE id = ${article.id}`);
    const stored = async () => (await ds.query(`SELECT content FROM article WHERE id = ${article.id}`))[0].content as string | null;
    assert.equal(await stored(), null);

    assert.deepEqual((await server().data(PAGE, { slug: article.slug })).article.content, expected);
    assert.equal(await stored(), null, "a read stores nothing");

    const restarted = await server().sibling();
    try {
      const backfilled = await stored();
      assert.notEqual(backfilled, null);
      assert.deepEqual(
        JSON.parse(backfilled!).map((block: Block) => block.id),
        expected.map((block: Block) => block.id),
      );
      assert.deepEqual((await restarted.data(PAGE, { slug: article.slug })).article.content, expected);
    } finally {
      await restarted.stop();
    }
  });
});
