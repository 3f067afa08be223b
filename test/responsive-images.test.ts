import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { before, test } from "node:test";
import { ImageServiceOptions } from "../src/config";
import { Article } from "../src/modules/article/article.entity";
import { Role } from "../src/modules/user/role";
import { encodeGlobalId } from "../src/shared/global-id";
import { createArticle, createAuthor, createCategory } from "./factories/content";
import { createUser, signIn } from "./factories/users";
import { describeEachDatabase } from "./helpers/each-database";
import { TestServer } from "./helpers/test-server";

/** imgproxy with the key and salt of its documentation's example ("secret" and "hello", hex-encoded). */
const SIGNING = { key: "736563726574", salt: "68656C6C6F" };
const IMGPROXY: ImageServiceOptions = { service: "imgproxy", baseUrl: "https://img.example.com", signing: SIGNING };
const ORIGINAL = "https://cdn.example.com/lead.jpg?v=3";

/** What imgproxy expects for `path`, written out here from its documented algorithm (test/image-signatures.test.ts holds the vectors). */
function imgproxyUrl(path: string): string {
  const hmac = createHmac("sha256", Buffer.from(SIGNING.key, "hex"));
  hmac.update(Buffer.from(SIGNING.salt, "hex"));
  hmac.update(path);
  return `https://img.example.com/${hmac.digest("base64url")}${path}`;
}

const ENCODED = Buffer.from(ORIGINAL).toString("base64url");
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { version featuredImage { focalPoint { x y } } } } }`;
const IMAGE = `query($slug: String!) { article(slug: $slug) { featuredImage {
  focalPoint { x y }
  original: url
  cover: url(width: 640, height: 360, format: WEBP)
  contain: url(width: 320, height: 320, fit: CONTAIN)
  srcSet
  avif: srcSet(widths: [3000, 640, 320, 640], format: AVIF)
} } }`;

interface Seeded {
  article: Article;
  editor: Record<string, string>;
}

/** A published article with a 1600×900 lead image, and an editor who may change it. */
async function seed(server: () => TestServer): Promise<Seeded> {
  const ds = server().dataSource;
  const author = await createAuthor(ds);
  const article = await createArticle(ds, {
    author,
    category: await createCategory(ds),
    imageUrl: ORIGINAL,
    imageAlt: "A lead image",
    imageWidth: 1600,
    imageHeight: 900,
  });
  return { article, editor: await signIn(server(), await createUser(ds, Role.EDITOR, author)) };
}

describeEachDatabase(
  "responsive images through an image service (imgproxy)",
  (server) => {
    let seeded: Seeded;
    before(async () => {
      seeded = await seed(server);
    });
    const setFocalPoint = async (focalPoint: unknown) => {
      const { article } = seeded;
      const current = await server().dataSource.getRepository(Article).findOneByOrFail({ id: article.id });
      return server().graphql(
        UPDATE,
        {
          input: {
            id: encodeGlobalId("Article", article.id),
            version: current.version,
            featuredImage: { url: ORIGINAL, alt: "A lead image", width: 1600, height: 900, focalPoint },
          },
        },
        seeded.editor,
      );
    };

    test("an editor sets the focal point; readers get signed imgproxy URLs that crop around it, and a srcset of the widths that fit", async () => {
      const saved = await setFocalPoint({ x: 0.25, y: 0.75 });
      assert.deepEqual(saved.body.errors, undefined);
      assert.deepEqual(saved.body.data.updateArticle.article.featuredImage.focalPoint, { x: 0.25, y: 0.75 });

      const image = (await server().data(IMAGE, { slug: seeded.article.slug })).article.featuredImage;
      assert.deepEqual(image.focalPoint, { x: 0.25, y: 0.75 });
      assert.equal(image.original, ORIGINAL, "nothing asked: the original");
      assert.equal(image.cover, imgproxyUrl(`/rs:fill:640:360/g:fp:0.25:0.75/${ENCODED}.webp`));
      assert.equal(image.contain, imgproxyUrl(`/rs:fit:320:320/${ENCODED}`), "a fit crops nothing, so no focal point");
      assert.equal(
        image.srcSet,
        [320, 640, 960, 1280].map((width) => `${imgproxyUrl(`/rs:fit:${width}:0/${ENCODED}`)} ${width}w`).join(", "),
        "the default widths, but none wider than the 1600-pixel original",
      );
      assert.equal(
        image.avif,
        [320, 640].map((width) => `${imgproxyUrl(`/rs:fit:${width}:0/${ENCODED}.avif`)} ${width}w`).join(", "),
        "narrowest first, once each",
      );
    });

    test("a focal point outside 0..1 is refused naming the axis, and the stored one stays", async () => {
      await setFocalPoint({ x: 0.5, y: 0.5 });
      for (const [focalPoint, field] of [
        [{ x: 1.5, y: 0.5 }, "input.featuredImage.focalPoint.x"],
        [{ x: 0.5, y: -0.01 }, "input.featuredImage.focalPoint.y"],
        [{ x: 1e308, y: 0.5 }, "input.featuredImage.focalPoint.x"],
      ] as const) {
        const refused = await setFocalPoint(focalPoint);
        assert.equal(refused.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
        assert.equal(refused.body.errors?.[0].extensions?.field, field);
      }
      const image = (await server().data(IMAGE, { slug: seeded.article.slug })).article.featuredImage;
      assert.deepEqual(image.focalPoint, { x: 0.5, y: 0.5 });
      const cleared = await setFocalPoint(null);
      assert.equal(cleared.body.data.updateArticle.article.featuredImage.focalPoint, null, "no focal point: the centre");
    });

    test("refuses sides outside 16–4096 pixels, an empty list of widths and more than 10, naming the argument", async () => {
      const cases: [string, string][] = [
        ["url(width: 15)", "width"],
        ["url(width: 4097)", "width"],
        ["url(height: 0)", "height"],
        ["url(width: 2147483647)", "width"],
        ["srcSet(widths: [320, 5000])", "widths"],
        ["srcSet(widths: [])", "widths"],
        [`srcSet(widths: [${Array.from({ length: 11 }, (_, i) => 100 + i).join(", ")}])`, "widths"],
      ];
      for (const [field, argument] of cases) {
        const answer = await server().graphql(`query($slug: String!) { article(slug: $slug) { featuredImage { ${field} } } }`, { slug: seeded.article.slug });
        assert.equal(answer.status, 200, field);
        assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT", field);
        assert.equal(answer.body.errors?.[0].extensions?.field, argument, field);
      }
    });

    test("renditions cost no SQL: a page asking for them sends as many statements as one showing the original", async () => {
      const page = (image: string) =>
        `query($slug: String!) { article(slug: $slug) { title featuredImage { ${image} } keepReading { featuredImage { ${image} } } category { articles(first: 5) { nodes { featuredImage { ${image} } } } } } }`;
      const plain = await server().countQueries(page("url alt"), { slug: seeded.article.slug });
      const responsive = await server().countQueries(page("url(width: 640, format: WEBP) srcSet(format: AVIF) focalPoint { x y } alt"), {
        slug: seeded.article.slug,
      });
      assert.equal(responsive, plain);
    });
  },
  { articles: { images: IMGPROXY } },
);

describeEachDatabase("images without an image service", (server) => {
  let seeded: Seeded;
  before(async () => {
    seeded = await seed(server);
  });

  test("serves the original whatever is asked, and a srcset of the original at its own width", async () => {
    const image = (await server().data(IMAGE, { slug: seeded.article.slug })).article.featuredImage;
    assert.deepEqual(image, {
      focalPoint: null,
      original: ORIGINAL,
      cover: ORIGINAL,
      contain: ORIGINAL,
      srcSet: `${ORIGINAL} 1600w`,
      avif: `${ORIGINAL} 1600w`,
    });
  });

  test("a srcset of an image of unknown width is the original alone", async () => {
    const ds = server().dataSource;
    const bare = await createArticle(ds, { author: await createAuthor(ds), category: await createCategory(ds), imageUrl: ORIGINAL, imageAlt: "" });
    const { article } = await server().data(`query($slug: String!) { article(slug: $slug) { featuredImage { srcSet } } }`, { slug: bare.slug });
    assert.equal(article.featuredImage.srcSet, ORIGINAL);
  });

  test("still refuses bad sizes, so a client's mistake shows before an image service is configured", async () => {
    const answer = await server().graphql(`query($slug: String!) { article(slug: $slug) { featuredImage { srcSet(widths: [8]) } } }`, {
      slug: seeded.article.slug,
    });
    assert.equal(answer.body.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(answer.body.errors?.[0].extensions?.field, "widths");
  });
});
