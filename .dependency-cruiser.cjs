/**
 * The layering of src/ (ARCHITECTURE.md): `npm run lint:deps` fails on a
 * cycle, on a lower layer importing a feature module or the composition
 * root, and on a module reaching past another module's index.ts.
 */
const LOWER_LAYERS = "^src/(shared|database|config|images|caching|outbox|realtime|rate-limit|redis|replication|telemetry|http|cli|logger\\.ts|metrics\\.ts)";
const COMPOSITION_ROOT = "^src/(context|services|schema|server|main|entities)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Imports, type-only ones included, form a graph without cycles.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "lower-layers-know-no-features",
      comment: "shared/, database/, config/ and the other infrastructure folders never import a feature module.",
      severity: "error",
      from: { path: LOWER_LAYERS },
      to: { path: "^src/modules/" },
    },
    {
      name: "nothing-imports-the-composition-root",
      comment: "Only entry points (main.ts, *.cli.ts, the seed and print-schema commands) import the files that wire everything together.",
      severity: "error",
      from: { path: "^src/", pathNot: ["\\.cli\\.ts$", "^src/seed/cli\\.ts$", "^src/main\\.ts$", "^src/print-schema\\.ts$", COMPOSITION_ROOT] },
      to: { path: COMPOSITION_ROOT },
    },
    {
      name: "one-door-per-module",
      comment: "Another module is imported through its index.ts only.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/[^/]+/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "outside-through-the-door",
      comment: "Code outside src/modules imports a module through its index.ts only.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/modules/" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
