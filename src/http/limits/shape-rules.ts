import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import { OperationLimits } from "../../config";
import { ErrorCode, LimitExceededError } from "../../shared/errors";

/**
 * GraphQL Armor's depth, alias and directive limits as validation rules,
 * run with the spec's rules before anything executes. Armor's own errors
 * carry no code, so each refusal is reported as a LimitExceededError with
 * its code and limit (the error masking keeps it through Apollo's wrapping).
 */
export function shapeLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: true, ...reportAs(ErrorCode.QUERY_TOO_DEEP, limits.depth) }),
    // Armor lets `__typename` be aliased without limit by default; every alias counts here, as the limit promises.
    maxAliasesRule({ n: limits.aliases, allowList: [], ...reportAs(ErrorCode.TOO_MANY_ALIASES, limits.aliases) }),
    maxDirectivesRule({ n: limits.directives, ...reportAs(ErrorCode.TOO_MANY_DIRECTIVES, limits.directives) }),
  ] as ValidationRule[];
}

function reportAs(code: ErrorCode, limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const message = error.message.replace(/^Syntax Error: /, "");
        context?.reportError(new LimitExceededError(code, message, limit));
      },
    ],
  };
}
