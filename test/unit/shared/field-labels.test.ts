import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { FIELD_LABELS, fieldLabel } from '../../../shared/api/field-labels.ts';
import { MALL_CREDENTIALS } from '../../../shared/malls.ts';
import { apiRoutes } from '../../../server/app.ts';
import type { AppDeps } from '../../../server/deps.ts';

/** Every property name in a JSON schema, at any depth. */
function propertyNames(schema: unknown, into: Set<string>): Set<string> {
  if (typeof schema !== 'object' || schema === null) return into;
  const s = schema as Record<string, unknown>;
  for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
    into.add(name);
    propertyNames(sub, into);
  }
  for (const key of ['items', 'additionalProperties']) propertyNames(s[key], into);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(s[key])) for (const sub of s[key]) propertyNames(sub, into);
  return into;
}

describe('field labels', () => {
  it('name every field of every route and of every mall’s credentials in Korean', () => {
    // Building the routes reads no dependency; only their handlers would.
    const routes = apiRoutes({} as AppDeps);
    const names = new Set<string>();
    for (const route of routes) {
      for (const schema of [route.params, route.query, route.body]) {
        if (schema) propertyNames(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), names);
      }
    }
    for (const schema of Object.values(MALL_CREDENTIALS)) propertyNames(z.toJSONSchema(schema, { io: 'input' }), names);
    assert.ok(names.size > 150, `only ${names.size} field names found`);
    const missing = [...names].filter((name) => !Object.hasOwn(FIELD_LABELS, name));
    assert.deepEqual(missing, []);
  });

  it('give a top-level field its label, a nested one its label and path, and English the path', () => {
    assert.deepEqual(fieldLabel('phone'), { ko: '전화번호', en: 'phone' });
    assert.deepEqual(fieldLabel('items.3.tracking_number'), { ko: '운송장번호 (items.3.tracking_number)', en: 'items.3.tracking_number' });
    assert.deepEqual(fieldLabel('credentials.secret_key'), { ko: 'Secret Key (credentials.secret_key)', en: 'credentials.secret_key' });
    // An unknown name, or one that only looks like an object's own property, is named by its path.
    assert.deepEqual(fieldLabel('recipient_mobil'), { ko: 'recipient_mobil', en: 'recipient_mobil' });
    assert.deepEqual(fieldLabel('constructor'), { ko: 'constructor', en: 'constructor' });
    assert.deepEqual(fieldLabel('items.0'), { ko: '항목 (items.0)', en: 'items.0' });
  });
});
