import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Next.js's recommended rules (React, hooks, accessibility basics, Core Web Vitals) and its TypeScript rules. */
const config = [
  ...nextVitals,
  ...nextTs,
  // A leading underscore marks a binding kept on purpose (a parameter a signature needs, a field left out).
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "test-results/**",
      "e2e/artifacts/**",
      "bench/tmp/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
