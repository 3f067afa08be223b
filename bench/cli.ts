import "reflect-metadata";
import { prepareBenchDatabase, withDataSource } from "./bench-database";
import { parseBenchOptions, runCommand, UsageError, USAGE } from "./options";
import { profilesIn, summarizeNewProfiles } from "./profile-summary";
import { publish } from "./publish";
import { runBench } from "./run";
import { PROFILE_DIR } from "./targets";
import { buildWorkloads, Workload } from "./workloads";

/** `npm run bench`: see USAGE. */
async function main(argv: string[]): Promise<void> {
  const options = parseBenchOptions(argv);
  const databaseUrl = await prepareBenchDatabase(options);
  const workloads = selected(await withDataSource(databaseUrl, buildWorkloads), options.workloads);
  const profilesBefore = new Set(profilesIn(PROFILE_DIR));
  const run = await runBench(options, databaseUrl, workloads);
  const command = ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" ");
  publish({ command, options, databaseUrl, workloads, run });
  if (options.profile) console.log(`\n${summarizeNewProfiles(PROFILE_DIR, profilesBefore)}`);
}

function selected(workloads: Workload[], names: string[]): Workload[] {
  if (names.length === 0) return workloads;
  const unknown = names.filter((name) => !workloads.some((workload) => workload.name === name));
  if (unknown.length > 0) throw new UsageError(`--workloads: no workload ${unknown.join(", ")}.`);
  return workloads.filter((workload) => names.includes(workload.name));
}

runCommand(() => main(process.argv.slice(2)), USAGE);
