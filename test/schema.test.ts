import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { isObjectType, isInputObjectType, isInterfaceType } from "graphql";
import { buildSchema, printContract } from "../src/schema";

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
