// `npm run lint` (and the lint step of `npm test`): typescript-eslint's recommended rules without type information
// (the type check is tsc's job and type-aware linting would double the time), plus the layering the project keeps:
//   - Office.js (the `Office`, `Excel`, `OfficeExtension` globals) only in addin/src/excel/;
//   - SQL (knex query builders, raw SQL, the knex package itself) only in *.repo.ts and server/db/;
//   - nothing in server/modules, server/jobs or server/domain imports server/http; routes never import a repo;
//   - nothing there renders words either: no `format`, `render`, `pickLang` or `Lang` from shared/i18n.ts (they
//     say what happened as Messages; the HTTP edge, server/http/render.ts, renders them in the caller's language);
//   - shared/ imports neither server/ nor addin/, and neither side imports the other;
//   - the pane calls the API only through the typed functions of addin/src/api/ (never the raw transport).
// typescript-eslint comes through tools/lint (see tools/lint/index.mjs: it needs the TypeScript 6 API).
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'shipsheet-lint-ts6';

const SOURCES = ['addin/**/*.{ts,tsx}', 'server/**/*.ts', 'shared/**/*.ts'];
const EXCEL = 'addin/src/excel/**';
const SQL_HOMES = ['server/**/*.repo.ts', 'server/db/**'];
const KNEX_ROOT = '/^(db|trx|knex)$/';
const API_HOME = 'addin/src/api/**';

/** SQL outside its homes (no-restricted-syntax: a later block that sets the rule again must repeat these). */
const SQL_SYNTAX = [
  {
    selector: `CallExpression[callee.type='Identifier'][callee.name=${KNEX_ROOT}], CallExpression[callee.type='MemberExpression'][callee.property.name=${KNEX_ROOT}]`,
    message: 'A knex query outside a repo: SQL lives in *.repo.ts and server/db/.',
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(raw|(or)?(where|having|orderBy|groupBy|join|from|select)Raw)$/]',
    message: 'Raw SQL outside a repo: SQL lives in *.repo.ts and server/db/.',
  },
  {
    selector: `MemberExpression[property.name='schema'][object.name=${KNEX_ROOT}]`,
    message: 'Schema changes live in server/db/migrations/.',
  },
];
const CORE = 'server/{modules,jobs,domain}/**';
const KNEX_IMPORT = { name: 'knex', message: 'SQL lives in *.repo.ts and server/db/ (a type import of Knex is fine).', allowTypeImports: true };
const RENDERING_IMPORT = {
  group: ['**/shared/i18n.ts', '**/shared/i18n'],
  importNames: ['format', 'render', 'pickLang', 'Lang'],
  message:
    "Below server/http nothing knows the caller's language: say it as a Message (message(catalog.entry, params)); the HTTP edge renders it (server/http/render.ts).",
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', '.scratch/**'] },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Underscore-prefixed names are deliberate (a callback's unused position, a rest sibling dropped on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `cond ? set.add(x) : set.delete(x)` is how the fake workbook toggles; short-circuit statements stay flagged.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // Getter/setter object literals (the fake Office.js ranges) need the outer `this` under another name.
      '@typescript-eslint/no-this-alias': 'off',
      // zod spells an empty shape `z.ZodObject<{}>`; empty interfaces stay flagged.
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
    },
  },
  {
    // Tests reach into untyped JSON answers and page globals; `any` there is a convenience, not a hole in the product.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A route's personal-data hooks take each route's own parsed types; `any` keeps them assignable (a parameter
    // typed `unknown` would refuse them under strictFunctionTypes).
    files: ['server/http/route.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain JS scripts run on Node; tsc does not see them and ESLint has no Node globals list here.
    files: ['**/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: SOURCES,
    ignores: [EXCEL],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({
          name,
          message: 'Office.js is called only in addin/src/excel/ (the one Excel boundary).',
        })),
      ],
    },
  },
  {
    files: SOURCES,
    ignores: SQL_HOMES,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [KNEX_IMPORT] }],
      'no-restricted-syntax': ['error', ...SQL_SYNTAX],
    },
  },
  {
    // The raw transport answers `unknown`; a call with a hand-picked type or path would drift from the server's routes.
    files: ['addin/**/*.{ts,tsx}'],
    ignores: [API_HOME],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...SQL_SYNTAX,
        {
          selector:
            "CallExpression > MemberExpression.callee[property.name='call'][object.name=/^api$/i], CallExpression > MemberExpression.callee[property.name='call'][object.property.name=/^api$/i]",
          message: 'The pane calls the API through the typed functions of addin/src/api/ (auth.ts, jobs.ts, …), never api.call.',
        },
      ],
    },
  },
  {
    // The same rule again for the server's core (a later block replaces a rule's options): knex outside repos, and
    // no rendering anywhere in it.
    files: [CORE],
    ignores: SQL_HOMES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [KNEX_IMPORT], patterns: [RENDERING_IMPORT] }] },
  },
  {
    files: [`${CORE}/*.repo.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [RENDERING_IMPORT] }] },
  },
  {
    files: SOURCES,
    plugins: { boundaries },
    settings: {
      // The first pattern a file matches gives its type, so the narrower ones come first.
      'boundaries/elements': [
        { type: 'excel', pattern: 'addin/src/excel/**', partialMatch: false },
        { type: 'addin', pattern: 'addin/**', partialMatch: false },
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'routes', pattern: 'server/http/routes/**', partialMatch: false },
        { type: 'http', pattern: 'server/http/**', partialMatch: false },
        { type: 'core', pattern: 'server/{modules,jobs,domain}/**', partialMatch: false },
        { type: 'server', pattern: 'server/**', partialMatch: false },
      ],
      'boundaries/files': [{ category: 'repo', pattern: '**/*.repo.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { types: { anyOf: ['shared'] } } },
              disallow: { to: { element: { types: { anyOf: ['excel', 'addin', 'routes', 'http', 'core', 'server'] } } } },
              message: 'shared/ imports neither server/ nor addin/.',
            },
            {
              from: { element: { types: { anyOf: ['core'] } } },
              disallow: { to: { element: { types: { anyOf: ['routes', 'http'] } } } },
              message: 'server/modules, server/jobs and server/domain never import server/http.',
            },
            {
              from: { element: { types: { anyOf: ['routes'] } } },
              disallow: { to: { file: { categories: 'repo' } } },
              message: 'Routes call services, never a repo.',
            },
            {
              from: { element: { types: { anyOf: ['excel', 'addin'] } } },
              disallow: { to: { element: { types: { anyOf: ['routes', 'http', 'core', 'server'] } } } },
              message: 'The pane imports no server code (the contract is in shared/).',
            },
            {
              from: { element: { types: { anyOf: ['routes', 'http', 'core', 'server'] } } },
              disallow: { to: { element: { types: { anyOf: ['excel', 'addin'] } } } },
              message: 'The server imports no pane code.',
            },
          ],
        },
      ],
    },
  },
);
