// Masking personal data inside free text (memos, hold and claim reasons, messages) for those who see recipients
// only masked (viewers). Names and phone numbers in their own fields are masked by phone.ts; people also type them
// into memos ("최우진 0505-3599-1948로 연락"), so the text is masked too:
// - phone numbers in the forms people write: 010/011/016–019, 050/050x, 070, 080, 02 and area codes, with or
//   without separators (space, hyphen, dot, parentheses), +82 / 0082 / 82 with or without (0);
// - the order's own known names (recipient, orderer) wherever they appear, and for Korean names also the given
//   name alone (우진님);
// - Korean name-like words (2–4 syllables) written next to a phone number, since that is how a contact is noted.
// It errs on the side of hiding: a word wrongly taken for a name is masked too, which only costs a viewer a word.
import { maskName, maskPhone } from './phone.ts';

/** Between digit groups: spaces, dots, hyphens, and the dashes NFKC leaves as they are (‐ ‑ ‒ – — ― −) or _. */
const SEP = String.raw`[ \t.\-\u2010-\u2015\u2212_]{0,3}`;
/** Area and service codes after the leading 0 (mobile, Seoul, regions, 050x safe numbers, VoIP, toll-free). */
const CODE = String.raw`(?:1[016-9]|2|[3-6][1-5]|50\d?|70|80)`;
const NATIONAL = String.raw`(?:\(0${CODE}\)|0${CODE}\)?)`;
const INTERNATIONAL = String.raw`(?:\+|00)?[ \t]?82${SEP}(?:\(0\)${SEP})?(?:\(0?${CODE}\)|0?${CODE})`;
const PHONE = new RegExp(String.raw`(?<![\d+])(?:${INTERNATIONAL}|${NATIONAL})${SEP}\d{3,4}${SEP}\d{4}(?!\d)`, 'g');

const HANGUL_WORD = /[가-힣]+/g;
/** What may stand between a name and its number: spaces and punctuation, not other words. */
const BETWEEN = /^[\s:：,/()[\]·=>~-]{0,6}$/;
/** Honorifics and particles that may follow a name: 최우진님, 최우진씨, 최우진고객님, 최우진님께. */
const SUFFIX = /(?:고객님|고객|님|씨|에게|께)+$/;
/** Words often written next to a number that are not names. A word skipped here does not end the search. */
const NOT_NAMES = new Set([
  '연락처',
  '연락',
  '전화',
  '전화번호',
  '번호',
  '휴대폰',
  '핸드폰',
  '휴대전화',
  '문의',
  '고객',
  '고객님',
  '수령인',
  '수취인',
  '받는분',
  '받는이',
  '주문자',
  '보내는분',
  '배송',
  '기사님',
  '안심번호',
  '대표번호',
  '택배',
  '경비실',
  '관리실',
  '사무실',
  '매장',
  '회사',
  '본인',
  '부재시',
  '부재중',
  '또는',
  '혹은',
  '으로',
  '연락처는',
  '번호는',
  '전화는',
  '폰',
  '집전화',
  // An honorific written apart from the name (박민수 님): skipped, so the name before it is still found.
  '님',
  '씨',
  '께',
  '에게',
  '고객님께',
]);

/**
 * What a desk notes it did with the number (이서연 010-… 통화 후 요청, 010-… 전화로 반품 접수): not a name, and the
 * contact note ends there — the words after it say what happened, not who.
 */
const ENDS_CONTACT = new Set(['통화', '통화후', '전화로', '문자', '문자로', '카톡', '카톡으로']);

type Range = { start: number; end: number; replacement: string };

/** The name part of a Hangul word, if it looks like one: 2–4 syllables once an honorific is taken off. */
function nameCore(word: string): string | undefined {
  const core = word.replace(SUFFIX, '');
  if (core.length < 2 || core.length > 4 || NOT_NAMES.has(core) || NOT_NAMES.has(word)) return undefined;
  return core;
}

/** Name-like words just before or just after each phone number, skipping words known not to be names. */
function namesNextToPhones(text: string, phones: Range[]): Range[] {
  const words = [...text.matchAll(HANGUL_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const out: Range[] = [];
  const take = (w: (typeof words)[number]): boolean => {
    if (ENDS_CONTACT.has(w.word)) return true;
    const core = nameCore(w.word);
    if (core) out.push({ start: w.start, end: w.start + core.length, replacement: maskName(core) });
    return !!core || !NOT_NAMES.has(w.word.replace(SUFFIX, '') || w.word);
  };
  for (const phone of phones) {
    // Before: walk left over separators and not-name words until a name (or anything else) is met.
    let edge = phone.start;
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i]!;
      if (w.end > edge) continue;
      if (!BETWEEN.test(text.slice(w.end, edge))) break;
      if (take(w)) break;
      edge = w.start;
    }
    edge = phone.end;
    for (const w of words) {
      if (w.start < edge) continue;
      if (!BETWEEN.test(text.slice(edge, w.start))) break;
      if (take(w)) break;
      edge = w.end;
    }
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The order's own names wherever they appear (Latin ones in any case and spacing; Korean given names alone too). */
function maskKnownNames(text: string, names: readonly (string | null | undefined)[]): string {
  const patterns: string[] = [];
  for (const raw of names) {
    const name = (raw ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ');
    if ([...name].length < 2) continue;
    if (/^[가-힣 ]+$/.test(name)) {
      const compact = name.replace(/ /g, '');
      patterns.push(escapeRegExp(compact));
      // The given name alone (a one-syllable surname is by far the common case): 우진님.
      if (compact.length >= 3) patterns.push(escapeRegExp(compact.slice(1)));
    } else {
      patterns.push(
        name
          .split(' ')
          .map(escapeRegExp)
          .join(String.raw`\s+`),
      );
    }
  }
  if (!patterns.length) return text;
  // Longest first, so the full name is masked as one before its given name could be.
  patterns.sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(patterns.join('|'), 'giu'), (m) => maskName(m));
}

/** Free text with phone numbers and names masked (see the top of this file). */
export function maskPersonalText(raw: string, knownNames: readonly (string | null | undefined)[] = []): string {
  const text = raw.normalize('NFKC');
  const phones: Range[] = [...text.matchAll(PHONE)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: maskPhone(m[0]) }));
  const ranges = [...phones, ...namesNextToPhones(text, phones)].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue; // overlapping (cannot happen between a number and a word; kept safe)
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  out += text.slice(at);
  return maskKnownNames(out, knownNames);
}
