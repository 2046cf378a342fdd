import { describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { format } from '../../../shared/i18n.ts';
import { addressMessages, normalizeAddress, normalizeZip, parseZip } from '../../../shared/address.ts';

describe('normalizeAddress', () => {
  const provinces: Array<[string, string]> = [
    ['서울특별시 중구 세종대로 110', '서울 중구 세종대로 110'],
    ['서울시 중구 세종대로 110', '서울 중구 세종대로 110'],
    ['부산광역시 연제구 중앙대로 1001', '부산 연제구 중앙대로 1001'],
    ['대구광역시 중구 공평로 88', '대구 중구 공평로 88'],
    ['인천광역시 남동구 정각로 29', '인천 남동구 정각로 29'],
    ['광주광역시 서구 내방로 111', '광주 서구 내방로 111'],
    ['대전광역시 서구 둔산로 100', '대전 서구 둔산로 100'],
    ['울산광역시 남구 중앙로 201', '울산 남구 중앙로 201'],
    ['세종특별자치시 한누리대로 2130', '세종 한누리대로 2130'],
    ['경기도 수원시 팔달구 효원로 1', '경기 수원시 팔달구 효원로 1'],
    ['강원특별자치도 춘천시 중앙로 1', '강원 춘천시 중앙로 1'],
    ['강원도 춘천시 중앙로 1', '강원 춘천시 중앙로 1'],
    ['충청북도 청주시 상당구 상당로 82', '충북 청주시 상당구 상당로 82'],
    ['충청남도 홍성군 홍북읍 충남대로 21', '충남 홍성군 홍북읍 충남대로 21'],
    ['전북특별자치도 전주시 완산구 효자로 225', '전북 전주시 완산구 효자로 225'],
    ['전라북도 전주시 완산구 효자로 225', '전북 전주시 완산구 효자로 225'],
    ['전라남도 무안군 삼향읍 오룡길 1', '전남 무안군 삼향읍 오룡길 1'],
    ['경상북도 안동시 풍천면 도청대로 455', '경북 안동시 풍천면 도청대로 455'],
    ['경상남도 창원시 의창구 중앙대로 300', '경남 창원시 의창구 중앙대로 300'],
    ['제주특별자치도 제주시 문연로 6', '제주 제주시 문연로 6'],
    ['제주도 제주시 문연로 6', '제주 제주시 문연로 6'],
  ];
  for (const [raw, expected] of provinces) {
    it(`unifies "${raw.split(' ')[0]}"`, () => assert.equal(normalizeAddress(raw), expected));
  }

  it('leaves short province names and cities named like provinces alone', () => {
    assert.equal(normalizeAddress('서울 중구 세종대로 110'), '서울 중구 세종대로 110');
    // 경기도 광주시 with the province omitted must not become 광주광역시.
    assert.equal(normalizeAddress('광주시 오포읍 문형리 1'), '광주시 오포읍 문형리 1');
    assert.equal(normalizeAddress('제주시 문연로 6'), '제주시 문연로 6');
    assert.equal(normalizeAddress('경기도청'), '경기도청');
  });

  it('collapses whitespace and commas', () => {
    assert.equal(normalizeAddress('  서울특별시   강남구\t테헤란로  152,  3층 '), '서울 강남구 테헤란로 152 3층');
  });

  it('drops a trailing (동, 건물명) reference', () => {
    assert.equal(normalizeAddress('서울특별시 강남구 테헤란로 152 (역삼동, 강남파이낸스센터)'), '서울 강남구 테헤란로 152');
    assert.equal(normalizeAddress('서울 강남구 테헤란로 152(역삼동)'), '서울 강남구 테헤란로 152');
  });

  it('keeps parentheses that are not at the end', () => {
    assert.equal(normalizeAddress('서울 강남구 테헤란로 152 (역삼동) 3층'), '서울 강남구 테헤란로 152 (역삼동) 3층');
  });

  it('writes lot numbers as 123-45', () => {
    assert.equal(normalizeAddress('경기도 성남시 분당구 정자동 178 - 1'), '경기 성남시 분당구 정자동 178-1');
    assert.equal(normalizeAddress('경기 성남시 분당구 정자동 178 -1번지'), '경기 성남시 분당구 정자동 178-1');
    assert.equal(normalizeAddress('경기 성남시 분당구 정자동 178－1'), '경기 성남시 분당구 정자동 178-1');
  });

  it('converts full-width characters and lower-cases Latin letters', () => {
    assert.equal(normalizeAddress('서울 중구 세종대로 １１０ Ｂ동'), '서울 중구 세종대로 110 b동');
  });

  it('unifies a province written alone or before any whitespace, and only a whole first word', () => {
    assert.equal(normalizeAddress('서울특별시'), '서울');
    assert.equal(normalizeAddress('서울특별시\t강남구'), '서울 강남구');
    assert.equal(normalizeAddress('서울특별시\u3000강남구'), '서울 강남구');
    assert.equal(normalizeAddress('서울특별시,강남구 테헤란로 1'), '서울 강남구 테헤란로 1');
    assert.equal(normalizeAddress('서울특별시강남구 테헤란로 1'), '서울특별시강남구 테헤란로 1');
    assert.equal(normalizeAddress('강남구 서울특별시'), '강남구 서울특별시');
  });

  it('rewrites a lot number, a trailing reference and 번지 together, and leaves dashes between words alone', () => {
    assert.equal(normalizeAddress('경상북도 포항시 북구 양덕동 1 ‐ 2번지 (양덕동)'), '경북 포항시 북구 양덕동 1-2');
    assert.equal(normalizeAddress('서울 강남구 A-동 3층'), '서울 강남구 a-동 3층');
    assert.equal(normalizeAddress('서울 강남구 12 번지'), '서울 강남구 12');
  });

  it('returns an empty string for non-text input', () => {
    assert.equal(normalizeAddress(null), '');
    assert.equal(normalizeAddress(42), '');
  });
});

describe('parseZip / normalizeZip', () => {
  it('accepts 5-digit codes', () => {
    assert.equal(normalizeZip('06236'), '06236');
    assert.equal(normalizeZip(' 63309 '), '63309');
    assert.equal(normalizeZip('01000'), '01000');
  });

  it('restores the leading 0 of Seoul codes from a number cell', () => {
    assert.equal(normalizeZip(6236), '06236');
    assert.equal(normalizeZip('6236'), '06236');
    assert.equal(normalizeZip('06236.0'), '06236');
  });

  it('rejects 6-digit legacy codes with a reason', () => {
    assert.deepEqual(parseZip('135-080'), { ok: false, code: 'zip_legacy', params: { zip: '135-080' } });
    assert.equal(parseZip(135080).ok, false);
    assert.equal(normalizeZip('135-080'), null);
  });

  it('rejects malformed codes and codes outside 01–63', () => {
    for (const raw of ['abcde', '1234567', '123', '00123', '64000', '99999']) {
      const result = parseZip(raw);
      assert.equal(result.ok ? result.value : result.code, 'zip_invalid', raw);
    }
  });

  it('reports empty input', () => {
    assert.deepEqual(parseZip(''), { ok: false, code: 'zip_empty', params: {} });
    assert.equal(normalizeZip(undefined), null);
  });

  it('renders every reason in both languages', () => {
    for (const raw of ['', '135-080', 'abc']) {
      const result = parseZip(raw);
      assert.equal(result.ok, false);
      if (result.ok) continue;
      for (const lang of ['ko', 'en'] as const) {
        assert.doesNotMatch(format(addressMessages[result.code], result.params, lang), /\{\w+\}/);
      }
    }
  });
});
