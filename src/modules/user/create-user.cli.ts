import "reflect-metadata";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createDataSource } from "../../../ormconfig";
import { DEFAULT_DATABASE_URL } from "../../config";
import { PublicError } from "../../shared/errors";
import { Author } from "../author/author.entity";
import { parseRole } from "./role";
import { UserService } from "./user.service";

const USAGE =
  "Usage: npm run user:create -- --email EMAIL --role contributor|author|editor|admin [--author AUTHOR_SLUG]\n" +
  "Creates an account in DATABASE_URL (migrating it first). The password comes from the PASSWORD environment\n" +
  "variable when set, else it is asked for without echo; it is never printed.";

const EXIT_USAGE = 2;

/** `npm run user:create`: the first admin, or any account, from the command line. */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: "string" }, role: { type: "string" }, author: { type: "string" } } });
  const role = parseRole(values.role ?? "");
  if (!values.email || !role) {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  const password = process.env.PASSWORD ?? (await askHidden("Password: "));
  const dataSource = await createDataSource(process.env.DATABASE_URL || DEFAULT_DATABASE_URL).initialize();
  try {
    await dataSource.runMigrations({ transaction: "each" });
    const author = values.author ? await dataSource.getRepository(Author).findOneBy({ slug: values.author }) : null;
    if (values.author && !author) {
      console.error(`No author with slug "${values.author}".`);
      return EXIT_USAGE;
    }
    const user = await new UserService(dataSource).create({ email: values.email, password, role, authorId: author?.id ?? null });
    console.log(`Created ${user.role} ${user.email}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof PublicError)) throw error;
    console.error(error.message);
    return EXIT_USAGE;
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
