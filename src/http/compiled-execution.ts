import { ApolloServerOptionsWithGateway } from "@apollo/server";
import { DocumentNode, execute, ExecutionResult, getVariableValues, GraphQLError, GraphQLSchema, OperationDefinitionNode, Source } from "graphql";
import { CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { RequestContext } from "../shared/request-context";

type Gateway = ApolloServerOptionsWithGateway<RequestContext>["gateway"];

/**
 * Apollo Server running every operation through graphql-jit instead of
 * graphql-js's interpreter: each (document, operation name) is compiled
 * into a function once, and later requests call it. Apollo keeps parsing,
 * validating (with the server's rules), plugins and error formatting; the
 * gateway interface's `executor` is its hook for replacing execution only.
 * Compiled operations live as long as Apollo's parsed document (its
 * document store is bounded), so they are keyed by the document object.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) byName.set(operationName, (query = compileQuery(schema, document, operationName ?? undefined)));
    return query;
  };
  return {
    async load() {
      return {
        executor: async ({ document, operation, operationName, request, context }) => {
          // No operation of that name in the document: graphql-js's refusal, as Apollo gives it without this executor.
          if (!operation) return execute({ schema, document, operationName: request.operationName, contextValue: context, variableValues: request.variables });
          const query = compile(document, operationName);
          const result = isCompiledQuery(query) ? await query.query(undefined, context, request.variables) : query;
          if (!result.errors) return result;
          const refused = result.data === undefined ? variableErrors(schema, operation, request.variables) : null;
          return refused ?? { ...result, errors: result.errors.map((error) => asGraphQLError(error, document.loc?.source)) };
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      // The schema is built from the decorated classes at start and never changes; Apollo reads it from here.
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-js's errors for variables that do not fit their definitions, or
 * null when they fit. graphql-jit refuses the same variables, but its errors
 * do not point at the variable's definition, which is how Apollo tells a
 * client's bad variable (400, BAD_USER_INPUT) from a server fault.
 */
function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): ExecutionResult | null {
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  return errors ? { errors } : null;
}

/**
 * graphql-jit's error as graphql-js makes it: graphql-jit leaves
 * `extensions` undefined when the resolver's error has none (a driver's
 * error), and Apollo reads `extensions.code` of every error it formats.
 */
function asGraphQLError(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations?.map(({ line, column }) => offsetOf(source.body, line, column));
  return new GraphQLError(error.message, { source, positions, path: error.path, originalError: error.originalError, extensions: error.extensions });
}

/** Where 1-based `line` and `column` are in `body`, with GraphQL's line terminators. */
function offsetOf(body: string, line: number, column: number): number {
  // Lines and their terminators alternate: [line 1, terminator, line 2, terminator, …].
  const parts = body.split(/(\r\n|[\n\r])/);
  return parts.slice(0, 2 * (line - 1)).reduce((offset, part) => offset + part.length, 0) + column - 1;
}
