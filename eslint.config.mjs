// ESLint (typescript-eslint) for src, test and bench; Prettier owns formatting.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bench/postgraphile/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } } },
  {
    rules: {
      // Resolver parents, GraphQL arguments and raw SQL rows are untyped at the edges on purpose.
      "@typescript-eslint/no-explicit-any": "off",
      // type-graphql's resolver lists and decorators take plain constructors.
      "@typescript-eslint/no-unsafe-function-type": "off",
      // tsc's noUnusedLocals and noUnusedParameters already check this, with `_` for parameters a signature needs.
      "@typescript-eslint/no-unused-vars": "off",
    },
  },
);
