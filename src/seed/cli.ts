import "reflect-metadata";
import { config } from "../cli/environment";
import { Presets, SingleBar } from "cli-progress";
import { DataSource } from "typeorm";
import { createDataSource } from "../../ormconfig";
import { UsageError, parseCommandLine } from "../cli/command-line";
import { explainDatabaseError, UserError } from "../cli/failures";
import { runCommand } from "../cli/run-command";
import { isDatabaseEmpty, seedDatabase, SeedOptions, SeedSummary } from "./seed";

const USAGE =
  "Usage: npm run seed -- [--articles N] [--authors N] [--categories N] [--tags N] [--comments-per-article N] [--seed S]\n" +
  "Fills the empty database at DATABASE_URL (default sqlite:./data/broadsheet.sqlite) with generated content;\n" +
  "the same options always give the same content. Defaults: 1000 articles, an author per 100 articles (5 to 1000),\n" +
  "12 sections, 100 tags, 3 comments per article on average, seed 1.";

const DEFAULT_ARTICLES = 1000;

const count = { type: "string" } as const;
const COMMAND = {
  name: "npm run seed --",
  usage: USAGE,
  options: { articles: count, authors: count, categories: count, tags: count, "comments-per-article": count, seed: count },
};

/** Exit codes: 2 when the command line or the target database is wrong, 1 when seeding itself failed. */
async function main(): Promise<number> {
  const options = parseOptions();
  const dataSource = await createDataSource(config.databaseUrl)
    .initialize()
    .catch((error: unknown) => {
      throw explainDatabaseError(error, config.databaseUrl);
    });
  try {
    await dataSource.runMigrations({ transaction: "each" });
    if (!(await isDatabaseEmpty(dataSource))) {
      throw new UserError("The database already has articles; seed only fills an empty one. Point DATABASE_URL at a new database.");
    }
    const started = performance.now();
    const summary = await seedWithProgressBar(dataSource, options);
    console.log(describe(summary, (performance.now() - started) / 1000));
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function parseOptions(): SeedOptions {
  const values = parseCommandLine(COMMAND);
  return {
    articles: integer(values.articles, "--articles", 1) ?? DEFAULT_ARTICLES,
    authors: integer(values.authors, "--authors", 1),
    categories: integer(values.categories, "--categories", 1),
    tags: integer(values.tags, "--tags", 1),
    commentsPerArticle: integer(values["comments-per-article"], "--comments-per-article", 0),
    seed: integer(values.seed, "--seed", 1),
  };
}

function integer(raw: string | undefined, flag: string, min: 0 | 1): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`npm run seed -- ${flag} must be ${min === 0 ? "0 or a positive integer" : "a positive integer"}, got "${raw}".`);
  }
  return value;
}

async function seedWithProgressBar(dataSource: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const bar = new SingleBar(
    { format: "Seeding {bar} {percentage}% | {value}/{total} articles | {duration_formatted} elapsed, ETA {eta_formatted}", stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(options.articles, 0);
  try {
    return await seedDatabase(dataSource, options, (done) => bar.update(done));
  } finally {
    bar.stop();
  }
}

function describe(summary: SeedSummary, seconds: number): string {
  return (
    `Seeded ${summary.articles} articles, ${summary.authors} authors, ${summary.categories} sections, ${summary.tags} tags, ` +
    `${summary.articleTags} article tags and ${summary.comments} comments in ${seconds.toFixed(1)}s.`
  );
}

runCommand(main);
