import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ApolloServer, GraphQLResponse } from "@apollo/server";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { FastifyInstance, FastifyRequest } from "fastify";
import { AnswerRelease } from "../src/http/answer-release";

/**
 * The release on its own, in a Fastify and Apollo Server wired as
 * `src/server.ts` wires them, with a plugin that keeps every response
 * object Apollo sends: what V8's old generation would keep.
 */
const sent: GraphQLResponse[] = [];
let app: FastifyInstance;
let url: string;

before(async () => {
  const answers = new AnswerRelease();
  const apollo = new ApolloServer<{ cacheTags: Set<string> }>({
    typeDefs: "type Query { headline(id: Int!): String }",
    resolvers: { Query: { headline: (_parent: unknown, { id }: { id: number }) => `Headline ${id}` } },
    plugins: [answers.plugin(), { requestDidStart: async () => ({ willSendResponse: async ({ response }) => void sent.push(response) }) }],
  });
  await apollo.start();
  app = Fastify();
  answers.register(app);
  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) => ({ cacheTags: answers.track(request, new Set<string>()) }),
  });
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});

after(() => app.close());

async function headline(id: number): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "query ($id: Int!) { headline(id: $id) }", variables: { id } }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

test("an answer arrives whole, and Apollo's response object no longer holds it once it is written", async () => {
  sent.length = 0;
  assert.deepEqual(await headline(1), { data: { headline: "Headline 1" } });
  assert.deepEqual(await headline(2), { data: { headline: "Headline 2" } });

  assert.equal(sent.length, 2);
  for (const response of sent) {
    assert.equal(response.body.kind, "single");
    assert.deepEqual(response.body.kind === "single" && response.body.singleResult, {}, "the result is released");
  }
});

test("answers in flight together are each released, none before its own is written", async () => {
  sent.length = 0;
  const answers = await Promise.all([3, 4, 5, 6].map(headline));
  assert.deepEqual(
    answers,
    [3, 4, 5, 6].map((id) => ({ data: { headline: `Headline ${id}` } })),
  );
  assert.equal(sent.length, 4);
  for (const response of sent) assert.deepEqual(response.body.kind === "single" && response.body.singleResult, {});
});
