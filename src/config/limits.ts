import { parseInteger } from "./parse";

/** What one GraphQL operation may ask for; each refusal names its limit. */
export interface OperationLimits {
  /** Characters of query text. */
  queryLength: number;
  tokens: number;
  /** Field nesting; introspection is exempt. */
  depth: number;
  aliases: number;
  directives: number;
  /** The budget of `src/http/limits/query-cost.ts`: connections cost their page size times their selection. */
  cost: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  queryLength: 20_000,
  tokens: 2000,
  depth: 10,
  aliases: 15,
  directives: 50,
  cost: 5000,
};

export function loadLimits(env: NodeJS.ProcessEnv): OperationLimits {
  return {
    queryLength: parseInteger("LIMIT_QUERY_LENGTH", env.LIMIT_QUERY_LENGTH, DEFAULT_LIMITS.queryLength),
    tokens: parseInteger("LIMIT_TOKENS", env.LIMIT_TOKENS, DEFAULT_LIMITS.tokens),
    depth: parseInteger("LIMIT_DEPTH", env.LIMIT_DEPTH, DEFAULT_LIMITS.depth),
    aliases: parseInteger("LIMIT_ALIASES", env.LIMIT_ALIASES, DEFAULT_LIMITS.aliases),
    directives: parseInteger("LIMIT_DIRECTIVES", env.LIMIT_DIRECTIVES, DEFAULT_LIMITS.directives),
    cost: parseInteger("LIMIT_COST", env.LIMIT_COST, DEFAULT_LIMITS.cost),
  };
}
