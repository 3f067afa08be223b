import "reflect-metadata";
import { config } from "../../cli/environment";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { createDataSource } from "../../../ormconfig";
import { UsageError, parseCommandLine } from "../../cli/command-line";
import { explainDatabaseError, UserError } from "../../cli/failures";
import { runCommand } from "../../cli/run-command";
import { Author } from "../directory";
import { parseRole } from "../user";
import { AccountService } from "./account.service";

const USAGE =
  "Usage: npm run user:create -- --email EMAIL --role contributor|author|editor|admin [--author AUTHOR_SLUG]\n" +
  "Creates an account in DATABASE_URL (migrating it first). The password comes from the PASSWORD environment\n" +
  "variable when set, else it is asked for without echo; it is never printed.";

const COMMAND = {
  name: "npm run user:create --",
  usage: USAGE,
  options: { email: { type: "string" }, role: { type: "string" }, author: { type: "string" } },
} as const;

/** `npm run user:create`: the first admin, or any account, from the command line. */
async function main(): Promise<number> {
  const values = parseCommandLine(COMMAND);
  if (!values.email) throw new UsageError(`${COMMAND.name} needs --email (--help shows the usage)`);
  const role = parseRole(values.role ?? "");
  if (!role) throw new UsageError(`${COMMAND.name} needs --role contributor, author, editor or admin${values.role ? `, got "${values.role}"` : ""}`);
  const password = process.env.PASSWORD ?? (await askHidden("Password: "));
  const dataSource = await createDataSource(config.databaseUrl)
    .initialize()
    .catch((error: unknown) => {
      throw explainDatabaseError(error, config.databaseUrl);
    });
  try {
    await dataSource.runMigrations({ transaction: "each" });
    const author = values.author ? await dataSource.getRepository(Author).findOneBy({ slug: values.author }) : null;
    if (values.author && !author) throw new UserError(`No author with slug "${values.author}".`);
    const user = await new AccountService(dataSource).create({ email: values.email, password, role, authorId: author?.id ?? null });
    console.log(`Created ${user.role} ${user.email}.`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

/** Reads a line from the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) =>
    prompt.question("", (answer) => {
      prompt.close();
      process.stderr.write("\n");
      resolve(answer);
    }),
  );
}

runCommand(main);
