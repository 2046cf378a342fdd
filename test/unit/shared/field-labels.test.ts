import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { FIELD_LABELS, WAREHOUSE_LABELS, fieldLabel, ownLabel, placeLabel } from '../../../shared/api/field-labels.ts';
import { skuCreateBody, warehouseCreateBody, warehousePatchBody } from '../../../shared/api/catalogue.schema.ts';
import type { AppError } from '../../../shared/errors.ts';
import { render } from '../../../shared/i18n.ts';
import { parseUnder, parseWith } from '../../../server/domain/validation.ts';
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

  it('name a path by the whole of it where its last name would mislead, and a field by its schema’s own label', () => {
    assert.deepEqual(fieldLabel('versions.box'), { ko: '박스 버전 (versions.box)', en: 'versions.box' });
    assert.deepEqual(fieldLabel('versions.lines.2.version'), { ko: '버전 (versions.lines.2.version)', en: 'versions.lines.2.version' });
    assert.deepEqual(fieldLabel('code', WAREHOUSE_LABELS.code), { ko: '창고코드', en: 'code' });
    assert.equal(ownLabel(warehouseCreateBody, 'code'), '창고코드');
    assert.equal(ownLabel(warehousePatchBody, 'name'), '창고명');
    assert.equal(ownLabel(skuCreateBody, 'name'), '상품명');
    assert.equal(ownLabel(skuCreateBody, 'code'), undefined, 'a SKU’s code is the 상품코드 of the table');
    assert.deepEqual(placeLabel('body'), { ko: '요청 본문', en: 'body' });
    assert.deepEqual(fieldLabel('rows.3.on_hand'), { ko: '새 수량 (rows.3.on_hand)', en: 'rows.3.on_hand' });
  });

  it('reach the refusal of a request: a warehouse’s code by its own label, a body refused whole by its place', () => {
    const refusal = (schema: z.ZodType, value: unknown) => {
      try {
        parseWith(schema, value, 'body');
      } catch (error) {
        return render((error as AppError).message, 'ko');
      }
      throw new Error('not refused');
    };
    assert.match(refusal(warehouseCreateBody, { code: '', name: '본사' }), /^창고코드: /);
    assert.match(refusal(skuCreateBody, { code: 'A-1' }), /^상품명: /);
    assert.match(refusal(skuCreateBody, { name: '티셔츠' }), /^상품코드: /);
    assert.match(refusal(warehouseCreateBody, ['not', 'an', 'object']), /^요청 본문: /);
    // Nested input refused whole is the field it sits in.
    try {
      parseUnder(z.object({ vendor_id: z.string() }), 'not an object', 'credentials.');
      assert.fail('not refused');
    } catch (error) {
      const e = error as AppError;
      assert.match(render(e.message, 'ko'), /^접속 정보: /);
      assert.equal((e.details as { field: string }[])[0]!.field, 'credentials');
    }
  });

  it('say a size limit in words, not by the value’s type (it read "number이 너무 큽니다", "array이 너무 작습니다")', () => {
    const refusal = (schema: z.ZodType, value: unknown, lang: 'ko' | 'en' = 'ko') => {
      try {
        parseWith(z.object({ x: schema }), { x: value }, 'body');
      } catch (error) {
        return render((error as AppError).text, lang);
      }
      throw new Error('not refused');
    };
    assert.equal(refusal(z.number().max(5), 9), 'x: 값이 너무 큽니다: 5 이하여야 합니다');
    assert.equal(refusal(z.array(z.string()).min(2), []), 'x: 항목 수가 너무 작습니다: 2개 이상이어야 합니다');
    assert.equal(refusal(z.string().max(2), 'abc'), 'x: 글자 수가 너무 큽니다: 2문자 이하여야 합니다');
    assert.match(refusal(z.number().max(5), 9, 'en'), /^x: Too big/);
  });

  it('say a field left out or left empty is to be entered, not "expected string, received undefined" or "1문자 이상"', () => {
    const refusal = (value: unknown, lang: 'ko' | 'en') => {
      try {
        parseWith(z.object({ last_number: z.string().trim().min(1), other: z.string().optional() }), value, 'body');
      } catch (error) {
        return render((error as AppError).text, lang);
      }
      throw new Error('not refused');
    };
    assert.equal(refusal({}, 'ko'), '끝 번호: 입력하세요');
    assert.equal(refusal({ last_number: '  ' }, 'ko'), '끝 번호: 입력하세요');
    assert.equal(refusal({ last_number: '' }, 'en'), 'last_number: required');
    // A value of the wrong type is still said as such.
    assert.match(refusal({ last_number: 5 }, 'ko'), /예상 타입은 string/);
  });
});
