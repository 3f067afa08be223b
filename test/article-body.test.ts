import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { Article } from "../src/modules/article/article.entity";
import { WORDS_PER_MINUTE } from "../src/modules/article/body/body";
import { prepareBody } from "../src/modules/article/body/prepare-body";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { describeEachDatabase } from "./helpers/each-database";

describe("preparing a body on write", () => {
  test("keeps the allowlist and drops scripts, styles, handlers, dangerous links and unknown tags (keeping their text)", () => {
    const { html } = prepareBody(
      '<p onclick="steal()" style="color:red" class="x">Hi <script>alert(1)</script><style>p{}</style>' +
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.com/?a=1&amp;b=2" target="_blank">good</a> ' +
        '<span>kept</span> <iframe src="https://evil.example"></iframe><img src="https://img.example.com/a.jpg" alt="A" onerror="x()"></p>',
    );
    assert.equal(
      html,
      '<p id="p-1">Hi <a>bad</a> <a href="https://example.com/?a=1&amp;b=2">good</a> kept <img src="https://img.example.com/a.jpg" alt="A"></p>',
    );
  });

  test("gives every heading, paragraph, quote and list item an id, and headings readable anchors unique in the article", () => {
    const { html, blocks, headings } = prepareBody(
      "<h1>Promoting a rules-based international order</h1><p>One.</p><h2>The numbers</h2><blockquote>Q.</blockquote>" +
        "<ul><li>A</li><li>B</li></ul><h3>The numbers</h3><h2>Ça va? 🙂</h2>",
    );
    assert.deepEqual(
      blocks.map((block) => block.id),
      ["promoting-a-rules-based-international-order", "p-1", "the-numbers", "q-1", "li-1", "li-2", "the-numbers-2", "ca-va"],
    );
    assert.deepEqual(headings, [
      { level: 2, text: "Promoting a rules-based international order", anchor: "promoting-a-rules-based-international-order" },
      { level: 2, text: "The numbers", anchor: "the-numbers" },
      { level: 3, text: "The numbers", anchor: "the-numbers-2" },
      { level: 2, text: "Ça va? 🙂", anchor: "ca-va" },
    ]);
    assert.match(html, /^<h2 id="promoting-a-rules-based-international-order">/, "h1 becomes h2: the headline is the page's h1");
  });

  test("keeps the ids a body arrives with, so that an edit moves no anchor, and gives new blocks ids nobody has", () => {
    const first = prepareBody("<h2>Intro</h2><p>One.</p><p>Two.</p>");
    const edited = first.html.replace('<p id="p-2">', '<p>Inserted.</p><p id="p-2">');
    const second = prepareBody(edited);
    assert.deepEqual(
      second.blocks.map((block) => `${block.id}:${block.text}`),
      ["intro:Intro", "p-1:One.", "p-3:Inserted.", "p-2:Two."],
    );
    assert.equal(prepareBody(second.html).html, second.html, "preparing is idempotent");
  });

  test("replaces ids that are malformed or taken by an earlier block", () => {
    const { blocks } = prepareBody('<p id="a b">One.</p><p id="dup">Two.</p><p id="dup">Three.</p><p id="&quot;&gt;x">Four.</p>');
    assert.deepEqual(
      blocks.map((block) => block.id),
      ["p-1", "dup", "p-2", "p-3"],
    );
  });

  test(`counts words and reading time at ${WORDS_PER_MINUTE} words a minute, rounded up, at least one minute`, () => {
    const body = (words: number) => `<p>${"word ".repeat(words)}</p>`;
    assert.deepEqual(
      [0, 1, 230, 231, 460, 461].map((words) => prepareBody(body(words)).readingTimeMinutes),
      [1, 1, 1, 2, 2, 3],
    );
    assert.equal(prepareBody("<h2>Two words</h2><p>and three more</p>").wordCount, 5);
    assert.equal(prepareBody("<p>— 🙂 …</p>").wordCount, 0, "punctuation and emoji are no words");
  });
});

describeEachDatabase("cutting excerpts", (server) => {
  const articles: Record<string, Article> = {};

  before(async () => {
    const ds = server().dataSource;
    const author = await createAuthor(ds);
    const category = await createCategory(ds);
    const bodies: Record<string, string> = {
      exact: "<p>Exactly twenty chars</p>",
      unbroken: `<p>${"x".repeat(300)}</p>`,
      emoji: `<p>${"🧊".repeat(30)} done</p>`,
      family: `<p>${"👩‍👩‍👧‍👦".repeat(10)}</p>`,
      accents: `<p>${"e\u0301".repeat(30)}</p>`,
      cjk: `<p>東京は今日も晴れです 明日も晴れるでしょう</p>`,
    };
    for (const [name, body] of Object.entries(bodies)) articles[name] = await createArticle(ds, { author, category, body });
  });

  const excerpt = async (name: string, maxLength: number) =>
    (
      await server().data(`query($slug: String!, $max: Int) { article(slug: $slug) { excerpt(maxLength: $max) } }`, {
        slug: articles[name].slug,
        max: maxLength,
      })
    ).article.excerpt as string;
  const characters = (text: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].length;

  test("keeps a text of exactly the limit whole, with no ellipsis, and cuts one character less", async () => {
    assert.equal(await excerpt("exact", 20), "Exactly twenty chars");
    assert.equal(await excerpt("exact", 19), "Exactly twenty…");
  });

  test("cuts a text with no spaces mid-word rather than returning nothing", async () => {
    assert.equal(await excerpt("unbroken", 10), "x".repeat(9) + "…");
    assert.equal(await excerpt("unbroken", 1), "…");
  });

  test("never splits a character made of several code units: emoji, families, accents", async () => {
    for (const name of ["emoji", "family", "accents"]) {
      for (const maxLength of [1, 2, 5, 9]) {
        const cut = await excerpt(name, maxLength);
        assert.ok(characters(cut) <= maxLength, `${name} at ${maxLength}: ${cut}`);
        assert.ok(cut.endsWith("…"), cut);
        assert.doesNotMatch(cut, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, `${name}: no lone surrogate`);
        assert.equal(cut.normalize("NFC"), cut.normalize("NFC").replace(/^\u0301/, ""));
      }
    }
    assert.equal(await excerpt("emoji", 4), "🧊🧊🧊…");
    assert.equal(await excerpt("family", 3), "👩‍👩‍👧‍👦👩‍👩‍👧‍👦…");
    assert.equal(await excerpt("accents", 3), "e\u0301e\u0301…");
  });

  test("cuts text in scripts without spaces between words at a space where there is one", async () => {
    assert.equal(await excerpt("cjk", 15), "東京は今日も晴れです…");
  });
});
