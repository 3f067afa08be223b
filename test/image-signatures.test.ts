import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CloudinaryUrls, cloudinarySignature } from "../src/images/cloudinary";
import { ImageSource } from "../src/images/image-service";
import { ImgixUrls, imgixSignature } from "../src/images/imgix";
import { ImgproxyUrls, imgproxySignature } from "../src/images/imgproxy";
import { ThumborUrls, thumborSignature } from "../src/images/thumbor";

/**
 * Each image service's signature against the test vectors its own
 * documentation (or official SDK's tests) publishes, then the URLs the
 * builders compose around it. A signature the service would refuse is a
 * broken image on every page, and no HTTP test against our own server can
 * tell: only the service's published vectors can.
 */

const source = (url: string, extra: Partial<ImageSource> = {}): ImageSource => ({ url, width: null, height: null, focalPoint: null, ...extra });

describe("imgproxy: HMAC-SHA256 over salt + path, URL-safe Base64 without padding", () => {
  // imgproxy/imgproxy, docs/signing_the_url.md ("Example"), commit e18732ea: key "secret" and salt "hello", hex-encoded.
  const docs = { key: "736563726574", salt: "68656C6C6F" };

  test("signs the documentation's example path as documented", () => {
    assert.equal(
      imgproxySignature("/fill/300/400/sm/0/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png", docs),
      "AfrOrF3gWeDA6VOlDG4TzxMv39O7MXnF4CXpKUwGqRM",
    );
  });

  test("puts the signature before the processing options, the source Base64-encoded and the format as its extension", () => {
    const urls = new ImgproxyUrls("https://img.example.com/", docs);
    const picture = source("https://cdn.example.com/a.jpg?v=2", { focalPoint: { x: 0.25, y: 0.75 } });
    const encoded = Buffer.from(picture.url).toString("base64url");
    const cover = `/rs:fill:640:360/g:fp:0.25:0.75/${encoded}.webp`;
    assert.equal(
      urls.url(picture, { width: 640, height: 360, format: "webp", fit: "cover" }),
      `https://img.example.com/${imgproxySignature(cover, docs)}${cover}`,
    );
    const contain = `/rs:fit:320:0/${encoded}`;
    assert.equal(
      urls.url(picture, { width: 320, height: null, format: "original", fit: "contain" }),
      `https://img.example.com/${imgproxySignature(contain, docs)}${contain}`,
      "no focal point when nothing is cropped",
    );
  });
});

describe("thumbor: HMAC-SHA1 with the security key, URL-safe Base64", () => {
  // thumbor/thumbor, docs/libraries.rst, "Library Tests - Scenarios" 1 to 6: key "my-security-key".
  const KEY = "my-security-key";
  const IMAGE = "my.server.com/some/path/to/image.jpg";
  const scenarios: [string, string][] = [
    [`300x200/${IMAGE}`, "8ammJH8D-7tXy6kU3lTvoXlhu4o="],
    [`meta/${IMAGE}`, "Ps3ORJDqxlSQ8y00T29GdNAh2CY="],
    [`smart/${IMAGE}`, "-2NHpejRK2CyPAm61FigfQgJBxw="],
    [`fit-in/${IMAGE}`, "uvLnA6TJlF-Cc-L8z9pEtfasO3s="],
    [`filters:brightness(10):contrast(20)/${IMAGE}`, "ZZtPCw-BLYN1g42Kh8xTcRs0Qls="],
  ];
  for (const [path, signature] of scenarios) {
    test(`signs ${path.split("/")[0]}/… as the library scenarios expect`, () => {
      assert.equal(thumborSignature(path, KEY), signature);
    });
  }

  test("composes /<signature>/[fit-in/]<w>x<h>/filters:…/<URL-encoded source>", () => {
    const urls = new ThumborUrls("https://thumbor.example.com", KEY);
    const picture = source("https://cdn.example.com/a.jpg?v=2", { width: 1000, height: 500, focalPoint: { x: 0.5, y: 0.25 } });
    const cover = `640x360/filters:format(webp):focal(500x125:501x126)/${encodeURIComponent(picture.url)}`;
    assert.equal(
      urls.url(picture, { width: 640, height: 360, format: "webp", fit: "cover" }),
      `https://thumbor.example.com/${thumborSignature(cover, KEY)}/${cover}`,
    );
    const contain = `fit-in/320x0/${encodeURIComponent(picture.url)}`;
    assert.equal(
      urls.url(picture, { width: 320, height: null, format: "original", fit: "contain" }),
      `https://thumbor.example.com/${thumborSignature(contain, KEY)}/${contain}`,
    );
  });
});

describe("imgix: MD5 of token + path + query as the last parameter, s", () => {
  // imgix/imgix-blueprint, README.md, "Securing URLs" examples: token "FOO123bar".
  const TOKEN = "FOO123bar";
  const PROXIED = "/http%3A%2F%2Favatars.com%2Fjohn-smith.png";
  const vectors: [string, string, string][] = [
    ["/users/1.png", "", "6797c24146142d5b40bde3141fd3600c"],
    [PROXIED, "", "493a52f008c91416351f8b33d4883135"],
    ["/users/1.png", "w=400&h=300", "c7b86f666a832434dd38577e38cf86d1"],
    ["/users/1.png", "h=300&w=400", "1a4e48641614d1109c6a7af51be23d18"],
    [PROXIED, "w=400&h=300", "61ea1cc7add87653bb0695fe25f2b534"],
    [PROXIED, "h=300&w=400", "a201fe1a3caef4944dcb40f6ce99e746"],
  ];
  for (const [path, query, signature] of vectors) {
    test(`signs ${path}${query ? `?${query}` : ""} as the blueprint does`, () => {
      assert.equal(imgixSignature(TOKEN, path, query), signature);
    });
  }

  test("builds the blueprint's signed Web Proxy URL, and puts s after the rendition's parameters", () => {
    const urls = new ImgixUrls("https://my-social-network.imgix.net", TOKEN);
    assert.equal(
      urls.url(source("http://avatars.com/john-smith.png"), { width: null, height: null, format: "original", fit: "cover" }),
      "https://my-social-network.imgix.net/http%3A%2F%2Favatars.com%2Fjohn-smith.png?s=493a52f008c91416351f8b33d4883135",
    );
    const query = "w=640&h=360&fit=crop&crop=focalpoint&fp-x=0.3&fp-y=0.6&fm=avif";
    assert.equal(
      urls.url(source("http://avatars.com/john-smith.png", { focalPoint: { x: 0.3, y: 0.6 } }), { width: 640, height: 360, format: "avif", fit: "cover" }),
      `https://my-social-network.imgix.net${PROXIED}?${query}&s=${imgixSignature(TOKEN, PROXIED, query)}`,
    );
    const unsigned = new ImgixUrls("https://my-social-network.imgix.net", null);
    assert.equal(
      unsigned.url(source("http://avatars.com/john-smith.png"), { width: 320, height: null, format: "jpeg", fit: "contain" }),
      `https://my-social-network.imgix.net${PROXIED}?w=320&fit=max&fm=jpg`,
    );
  });
});

describe("Cloudinary: s-- and 8 characters of the URL-safe Base64 SHA-1 of transformation/source + API secret, --", () => {
  // cloudinary/cloudinary_scala, cloudinary-core/src/test/scala/com/cloudinary/CloudinarySpec.scala, "correctly sign a url":
  // the account cloudinary://a:b@test123, so the API secret is "b"; the version (v1234) is not signed.
  test("signs what the official SDK's tests expect", () => {
    assert.equal(cloudinarySignature("c_crop,h_20,w_10/image.jpg", "b"), "s--Ai4Znfl3--");
    assert.equal(cloudinarySignature("image.jpg", "b"), "s----SjmNDA--");
    assert.equal(cloudinarySignature("http://google.com/path/to/image.png", "b"), "s--hH_YcbiS--");
  });

  test("builds fetch URLs with the SDK's escaping, signed over the unescaped source", () => {
    // The same spec, "escape fetch urls": ? and = of the fetched URL are percent-encoded.
    const unsigned = new CloudinaryUrls("https://res.cloudinary.com/test123", null);
    assert.equal(
      unsigned.url(source("http://blah.com/hello?a=b"), { width: 320, height: null, format: "original", fit: "contain" }),
      "https://res.cloudinary.com/test123/image/fetch/c_limit,w_320/http://blah.com/hello%3Fa%3Db",
    );
    const signed = new CloudinaryUrls("https://res.cloudinary.com/test123", "b");
    const picture = source("http://google.com/path/to/image.png", { width: 1000, height: 500, focalPoint: { x: 0.5, y: 0.25 } });
    const transformation = "c_fill,f_webp,g_xy_center,h_360,w_640,x_500,y_125";
    assert.equal(
      signed.url(picture, { width: 640, height: 360, format: "webp", fit: "cover" }),
      `https://res.cloudinary.com/test123/image/fetch/${cloudinarySignature(`${transformation}/${picture.url}`, "b")}/${transformation}/${picture.url}`,
    );
  });
});
