import Module, { createRequire } from "node:module";
import { defineConfig, globalIgnores } from "eslint/config";

// TypeScript 7 (the native compiler behind `tsc`) ships no JavaScript API, and typescript-eslint
// refuses to load against it (typescript-eslint#10940). TypeScript's documented side-by-side
// arrangement keeps the 6.0 API as `@typescript/typescript6` for such tools. Inside this ESLint
// process only, `require("typescript")` resolves to that package; `tsc` and `next build` keep 7.
// Remove this block once typescript-eslint supports TypeScript 7.
const require = createRequire(import.meta.url);
const typescript6 = require.resolve("@typescript/typescript6");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "typescript" ? typescript6 : request, ...rest);
};

const { default: nextVitals } = await import("eslint-config-next/core-web-vitals");
const { default: nextTs } = await import("eslint-config-next/typescript");

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Tests are not React: helpers such as useTestDb() register vitest hooks, not React hooks.
    files: ["test/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "data/**",
    "test-results/**",
    "bench/tmp/**",
    "next-env.d.ts",
  ]),
]);
