import assert from "node:assert/strict";
import { test } from "node:test";
import { articleOrders } from "../src/modules/article/list/article.orders";
import { Article } from "../src/modules/article/article.entity";
import { BATCHED, LoaderFactory } from "../src/shared/pagination/paged-loader";
import { Page } from "../src/shared/pagination/page";
import { PageRequest, pageRequest } from "../src/shared/pagination/page-request";

const page = (ids: number[], hasNextPage: boolean): Page<Article> => ({
  nodes: ids.map((id) => Object.assign(new Article(), { id })),
  cursor: (index) => String(index),
  hasNextPage,
  hasPreviousPage: false,
  wholeList: !hasNextPage,
});

/** A page loader whose statements are counted, each parent's page four articles long. */
function countingLoader() {
  const reads: PageRequest<Article>[] = [];
  const loader = new LoaderFactory(BATCHED).paged<Article>(async (parentIds, request) => {
    reads.push(request);
    return parentIds.map((parentId) => page([parentId * 10 + 1, parentId * 10 + 2, parentId * 10 + 3, parentId * 10 + 4], true));
  });
  return { loader, reads };
}

test("a primed page answers at once every request of its family that it covers, and only those", async () => {
  const { loader, reads } = countingLoader();
  const read = pageRequest({ first: 3 }, articleOrders.NEWEST, ["slug", "title"]);
  loader(read).prime!(7, page([71, 72, 73], true));

  const same = loader(read).primedPage(7);
  assert.deepEqual(
    same?.nodes.map((article) => article.id),
    [71, 72, 73],
  );
  // Smaller, and fewer fields: cut from it.
  const smaller = loader(pageRequest({ first: 2 }, articleOrders.NEWEST, ["title"])).primedPage(7);
  assert.deepEqual(
    smaller?.nodes.map((article) => article.id),
    [71, 72],
  );
  assert.equal(smaller?.hasNextPage, true);
  // Larger, another field, another parent: not covered, so read by a statement.
  assert.equal(loader(pageRequest({ first: 4 }, articleOrders.NEWEST, ["title"])).primedPage(7), undefined);
  assert.equal(loader(pageRequest({ first: 2 }, articleOrders.NEWEST, ["title", "excerpt"])).primedPage(7), undefined);
  assert.equal(loader(read).primedPage(8), undefined);
  assert.equal(reads.length, 0);

  const loaded = await loader(pageRequest({ first: 2 }, articleOrders.NEWEST, ["title", "excerpt"])).load(7);
  assert.deepEqual(
    loaded.nodes.map((article) => article.id),
    [71, 72],
  );
  assert.equal(reads.length, 1);
});

test("without batching nothing is primed: every page is read", async () => {
  const loader = new LoaderFactory({ batching: false }).paged<Article>(async (parentIds) => parentIds.map(() => page([1], false)));
  const request = loader(pageRequest({ first: 3 }, articleOrders.NEWEST, ["title"]));
  assert.equal(request.prime, undefined);
  assert.equal(request.primedPage(7), undefined);
});
