import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { GraphQLObjectType, GraphQLResolveInfo, isObjectType, isInputObjectType, isInterfaceType } from "graphql";
import { buildSchema, printContract } from "../src/schema";
import { Article } from "../src/modules/article/article.entity";
import { encodeGlobalId } from "../src/shared/global-id";

const ROOT_TYPES = ["Query", "Mutation", "Subscription"];
const contractPath = join(__dirname, "..", "..", "schema.graphql");

test("the classes print exactly the committed schema.graphql (run `npm run schema` after a deliberate change)", () => {
  assert.equal(printContract(), readFileSync(contractPath, "utf8"));
});

test("every type and every field of the contract has a description", () => {
  const missing: string[] = [];
  for (const type of Object.values(buildSchema().getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description && !ROOT_TYPES.includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test("plain property fields are read inline; ids, accessors and promised counts keep their resolvers", () => {
  const schema = buildSchema();
  const fields = (type: string) => {
    const named = schema.getType(type);
    assert.ok(isObjectType(named), type);
    return named.getFields();
  };
  // Without a resolver, graphql-jit reads the property in its compiled plan instead of calling type-graphql's wrapper.
  assert.equal(fields("Article").title.resolve, undefined);
  assert.equal(fields("Author").name.resolve, undefined);
  assert.equal(fields("PageInfo").hasNextPage.resolve, undefined);
  // The global id is a getter named otherwise; totalCount holds a Promise, which an inline read would not await.
  assert.equal(typeof fields("Article").id.resolve, "function");
  assert.equal(typeof fields("Article").featuredImage.resolve, "function");
  assert.equal(typeof fields("ArticleConnection").totalCount.resolve, "function");
});

test("resolver methods are called directly, and a root of another shape still reaches its method converted", async () => {
  const schema = buildSchema();
  const articleFields = (schema.getType("Article") as GraphQLObjectType).getFields();
  const article = Object.assign(new Article(), { id: 7, editorExcerpt: null, leadText: "One two three four five six seven" });
  const info = {} as GraphQLResolveInfo;
  // type-graphql validates arguments asynchronously, so through its path any field with an argument answers with a promise.
  assert.equal(articleFields.excerpt.resolve!(article, { maxLength: 12 }, {}, info), "One two…");
  assert.equal(articleFields.id.resolve!(article, {}, {}, info), encodeGlobalId("Article", 7));
  // A plain object is no Article: type-graphql makes one of it for the method, as it always did.
  const plain = { id: 7, editorExcerpt: null, leadText: "One two three four five six seven" };
  const converted = articleFields.excerpt.resolve!(plain, { maxLength: 12 }, {}, info);
  assert.ok(converted instanceof Promise);
  assert.equal(await converted, "One two…");
});
