// Imported from the root eslint.config.mjs. Resolved from here, `typescript` is tools/lint/node_modules/typescript
// (6.x), which typescript-eslint's parser needs: typescript@7's package has no JS API and typescript-eslint 8 throws
// on it. The root package.json's override on ts-api-utils keeps that package here too (it would otherwise be hoisted
// next to typescript@7).
export { default } from 'typescript-eslint';
