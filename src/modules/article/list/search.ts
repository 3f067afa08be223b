import { DataSource } from "typeorm";
import { isPostgres } from "../../../database/dialect";
import { BadUserInputError } from "../../../shared/errors";

const MAX_SEARCH_LENGTH = 256;
const MAX_SEARCH_WORDS = 16;

const messages = {
  tooLong: `filter.search takes at most ${MAX_SEARCH_LENGTH} characters.`,
  tooManyWords: `filter.search takes at most ${MAX_SEARCH_WORDS} words.`,
  noWords: "filter.search has no letters or digits to search for.",
};

/** The alias of the matches' derived table in an article query: `search.id`, `search.relevance`. */
export const SEARCH_ALIAS = "search";

/**
 * Title, excerpt and body weigh 10 : 4 : 1 in the rank on both stores: a
 * word in the headline says more about an article than the same word deep
 * in its body. PostgreSQL's weights are listed D, C, B, A.
 */
const SQLITE_RANK = "-bm25(article_search, 10.0, 4.0, 1.0)";
const POSTGRES_WEIGHTS = "'{0, 0.1, 0.4, 1.0}'";

export interface SearchMatch {
  /** A derived table `(id, relevance)` of the articles that match, any status; higher relevance is better. */
  sql: string;
  parameters: { searchQuery: string };
}

/**
 * The derived table of the articles matching a reader's search text: every
 * word must occur (stemmed, case and, on SQLite, accents folded). Only the
 * words reach the database, never the text's own syntax, so quotes,
 * operators (`AND OR NOT NEAR * ^ (`), emoji and NUL bytes are separators,
 * not errors; text that is too long, or has no word at all, is a
 * BAD_USER_INPUT.
 */
export function searchMatch(dataSource: DataSource, text: string): SearchMatch {
  const words = searchWords(text);
  if (isPostgres(dataSource)) {
    const query = "plainto_tsquery('english', :searchQuery)";
    return {
      sql:
        `(SELECT searched.id AS id, CAST(ts_rank(${POSTGRES_WEIGHTS}, searched.search_vector, ${query}, 1) AS double precision) AS relevance ` +
        `FROM article searched WHERE searched.search_vector @@ ${query})`,
      parameters: { searchQuery: words.join(" ") },
    };
  }
  return {
    // Each word a quoted FTS5 string: the tokenizer stems it, and nothing in it is query syntax.
    sql: `(SELECT rowid AS id, ${SQLITE_RANK} AS relevance FROM article_search WHERE article_search MATCH :searchQuery)`,
    parameters: { searchQuery: words.map((word) => `"${word}"`).join(" ") },
  };
}

/** Runs of letters, marks and digits: everything else separates words. */
function searchWords(text: string): string[] {
  if (text.length > MAX_SEARCH_LENGTH) throw new BadUserInputError(messages.tooLong, { field: "filter.search", maximum: MAX_SEARCH_LENGTH });
  const words = text.normalize("NFKC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw new BadUserInputError(messages.noWords, { field: "filter.search" });
  if (words.length > MAX_SEARCH_WORDS) {
    throw new BadUserInputError(messages.tooManyWords, { field: "filter.search", maximum: MAX_SEARCH_WORDS });
  }
  return words;
}
