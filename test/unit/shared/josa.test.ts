import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { format } from '../../../shared/i18n.ts';
import { withParticles } from '../../../shared/josa.ts';

describe('Korean particles after a value', () => {
  it('takes the form its last syllable needs: batchim or not, ㄹ for 으로/로', () => {
    assert.equal(withParticles('상품을(를) 추가했습니다'), '상품을 추가했습니다');
    assert.equal(withParticles('택배을(를) 추가했습니다'), '택배를 추가했습니다');
    assert.equal(withParticles('계정 이름이(가) 없습니다'), '계정 이름이 없습니다');
    assert.equal(withParticles('우체국택배은(는)'), '우체국택배는');
    assert.equal(withParticles('서울으로(로) 보냅니다'), '서울로 보냅니다');
    assert.equal(withParticles('부산으로(로) 보냅니다'), '부산으로 보냅니다');
    // (으)로, the way most Korean UIs write it, too (a number changed to 801234567906(으)로 was left unchosen).
    assert.equal(withParticles('801234567906(으)로 바뀌었습니다'), '801234567906으로 바뀌었습니다');
    assert.equal(withParticles('801234567901(으)로 바뀌었습니다'), '801234567901로 바뀌었습니다');
    assert.equal(withParticles('서울(으)로'), '서울로');
    assert.equal(withParticles('지역과(와) 날짜'), '지역과 날짜');
    assert.equal(withParticles('주소과(와) 날짜'), '주소와 날짜');
  });

  it('reads digits and Latin letters as said aloud, skips closing quotes and a parenthesis', () => {
    assert.equal(withParticles('06236은(는)'), '06236은', '육');
    assert.equal(withParticles('1234을(를)'), '1234를', '사');
    assert.equal(withParticles('CJ을(를)'), 'CJ를', '제이');
    assert.equal(withParticles('admin을(를)'), 'admin을', '엔');
    assert.equal(withParticles('"홍길동"을(를) 만들었습니다'), '"홍길동"을 만들었습니다');
    assert.equal(withParticles('운송장번호 612345678904(CJ대한통운)을(를) 넣었습니다'), '운송장번호 612345678904(CJ대한통운)를 넣었습니다');
  });

  it('keeps both forms when the value ends in something else, and leaves English alone', () => {
    assert.equal(withParticles('—을(를)'), '—을(를)');
    assert.equal(format({ ko: '{name}을(를) 추가했습니다', en: 'Added {name}' }, { name: '창고' }, 'ko'), '창고를 추가했습니다');
    assert.equal(format({ ko: '{name}을(를)', en: '{name} (을(를))' }, { name: '창고' }, 'en'), '창고 (을(를))');
    // Only the message's own pairs: one inside a value (a product name, a reason) is the operator's text.
    assert.equal(format({ ko: '{name}을(를) 추가했습니다', en: '' }, { name: '사은품은(는) 랜덤' }, 'ko'), '사은품은(는) 랜덤을 추가했습니다');
  });
});
