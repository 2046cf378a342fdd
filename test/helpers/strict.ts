// SHIPSHEET_TEST_STRICT=1 (.ci/run sets it): a tool or service a test needs and npm cannot install (a browser,
// PostgreSQL) must be there; its absence fails the run instead of skipping those tests.
export const STRICT = process.env.SHIPSHEET_TEST_STRICT === '1';
