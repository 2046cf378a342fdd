// Korean particles after a value known only at run time: a message written '{name}을(를)' reads '상품을' or
// '택배를' once the value is in. The rule of the last syllable (batchim or not, ㄹ for 으로/로) is es-hangul's; what
// the last syllable is, is decided here: digits and Latin letters are read as Koreans read them aloud (6 육, J 제이),
// closing quotes are skipped, and a parenthesis is skipped whole (the particle agrees with the word before it). A
// value that ends otherwise keeps both forms, which Korean UIs write when they cannot tell.
import { josa } from 'es-hangul';

/** The pairs messages write, each as es-hangul names it. */
const PAIRS = { '을(를)': '을/를', '이(가)': '이/가', '은(는)': '은/는', '으로(로)': '으로/로', '(으)로': '으로/로', '과(와)': '와/과' } as const;
type Pair = keyof typeof PAIRS;
const PAIR = /을\(를\)|이\(가\)|은\(는\)|으로\(로\)|\(으\)로|과\(와\)/;

const DIGITS = '영일이삼사오육칠팔구';
/** Latin letters by the last syllable of their Korean names (에이, 비, 씨 … 엘, 엠, 엔 … 제트). */
const LETTERS: Record<string, string> = {
  a: '이',
  b: '비',
  c: '씨',
  d: '디',
  e: '이',
  f: '프',
  g: '지',
  h: '치',
  i: '이',
  j: '이',
  k: '이',
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '스',
  t: '티',
  u: '유',
  v: '이',
  w: '유',
  x: '스',
  y: '이',
  z: '트',
};
const CLOSING_QUOTES = new Set(['"', "'", '”', '’', '」', '』', '》', '〉']);

/** The syllable `text` ends in as it is read (see above), or null when it cannot be told. */
function lastSyllable(text: string): string | null {
  let i = text.length - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (CLOSING_QUOTES.has(c)) i--;
    else if (c === ')') {
      // Back to the matching '(' and on before it.
      let depth = 0;
      for (; i >= 0; i--) {
        if (text[i] === ')') depth++;
        else if (text[i] === '(' && --depth === 0) break;
      }
      i--;
    } else break;
  }
  const c = text[i];
  if (c === undefined) return null;
  if (c >= '가' && c <= '힣') return c;
  if (c >= '0' && c <= '9') return DIGITS[Number(c)]!;
  return LETTERS[c.toLowerCase()] ?? null;
}

/**
 * `template` (Korean) rendered with each of its own 을(를), 이(가), 은(는), 으로(로) or (으)로, 과(와) made the one the text before
 * it takes: `render` puts the values into the parts between the pairs, so a pair written inside a value (a product
 * named "…을(를)") is left as it is. Without `render`, `template` is taken as rendered already.
 */
export function withParticles(template: string, render: (part: string) => string = (part) => part): string {
  if (!template.includes('(')) return render(template);
  // split with a capture group: the pairs at the odd indexes, the text around them at the even ones.
  const parts = template.split(new RegExp(`(${PAIR.source})`));
  let out = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) out += render(part);
    else {
      const syllable = lastSyllable(out);
      out += syllable ? josa.pick(syllable, PAIRS[part as Pair]) : part;
    }
  });
  return out;
}
