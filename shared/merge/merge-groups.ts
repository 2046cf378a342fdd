// Which orders ship together (합포장, PRODUCT.md §2.4): orders to the same recipient — equal name, address, phone
// and mobile after normalisation — merge into one box; equal name and address with phones that differ, or that
// cannot be compared (050x safe numbers, none given), are only "needs review", decided by the operator. A
// merge-locked order never merges and is not offered for review. Which orders are candidates at all (released, not
// held, not claimed, matched) is the caller's decision; this decides only between the candidates it is given.
import { normalizeAddress, normalizeName, normalizeZip } from '../address.ts';
import { isSafeNumber, phoneMatchKey } from '../phone.ts';

export type MergeCandidate = {
  order_id: string;
  recipient_name: string | null;
  recipient_address1: string | null;
  recipient_address2?: string | null;
  recipient_zip?: string | null;
  recipient_phone: string | null;
  recipient_mobile: string | null;
  merge_locked?: boolean;
};

/** Orders that go in one box without asking. */
export type MergeGroup = { key: string; order_ids: string[] };

/** Why a group of orders to the same name and address is not merged without the operator. */
export type ReviewReason = 'phone_unknown' | 'safe_number' | 'phones_differ' | 'details_differ';

/**
 * Orders to the same name and address that might be one recipient. `clusters` are what merges anyway: a merge
 * group's orders together, every other order alone. Accepting puts every cluster into one box; rejecting leaves
 * the clusters as they are.
 */
export type ReviewGroup = { near_key: string; reason: ReviewReason; clusters: string[][] };

export type MergePlan = { merges: MergeGroup[]; reviews: ReviewGroup[] };

type Keys = {
  exact: string | null;
  near: string | null;
  phonesKnown: boolean;
  /** The comparable numbers (a set, as text); with unknown phones, those given beside a safe number ('' if none). */
  phones?: string;
  /** Zip and detail line (동·호수), normalised. */
  details?: string;
};

/** The phone and mobile as compared digits; null when a number is given but is a safe number or unreadable. */
function phoneDigits(raw: string | null): string | null | undefined {
  if (raw === null || raw.trim() === '') return undefined; // not given
  return phoneMatchKey(raw);
}

/**
 * The exact key needs a name, an address and at least one comparable phone, with no safe or unreadable number
 * beside it: a 050x number is issued per order, so two orders with one are never known to be the same person.
 */
export function mergeKeys(c: MergeCandidate): Keys {
  const name = normalizeName(c.recipient_name);
  const address1 = normalizeAddress(c.recipient_address1);
  if (!name || !address1) return { exact: null, near: null, phonesKnown: false };
  return fullKeys(c, name, address1);
}

/**
 * The name and address key: orders that differ in it never merge nor need review. Keys are texts compared for
 * equality only: each field but the last is preceded by its length, so no two field lists give one text (and a
 * concatenation costs the plan less than JSON).
 */
const nearOf = (name: string, address1: string) => `${name.length}:${name}${address1}`;

function fullKeys(c: MergeCandidate, name: string, address1: string, near = nearOf(name, address1)): Keys {
  const phone = phoneDigits(c.recipient_phone);
  const mobile = phoneDigits(c.recipient_mobile);
  const phonesKnown = phone !== null && mobile !== null && (phone !== undefined || mobile !== undefined);
  const zip = normalizeZip(c.recipient_zip ?? null) ?? '';
  const address2 = normalizeAddress(c.recipient_address2);
  const details = `${zip}|${address2}`;
  if (!phonesKnown) {
    // Not comparable as a whole, the real numbers given beside a safe number are kept: orders whose real numbers
    // and details agree, differing only by a safe number, are a review of another kind (safe_number) than orders
    // with nothing to compare. An unreadable number (not a safe one) leaves nothing to say.
    const unreadable = [c.recipient_phone, c.recipient_mobile].some((raw) => raw && raw.trim() && phoneMatchKey(raw) === null && !isSafeNumber(raw));
    const given = unreadable
      ? ''
      : [phone, mobile]
          .filter((p) => p)
          .sort()
          .join(',');
    return { exact: null, near, phonesKnown, phones: given, details };
  }
  // Compared as a set: one mall sends the mobile as 연락처1, another as 연락처2, and they are the same numbers.
  const phones =
    phone === undefined || phone === mobile ? mobile! : mobile === undefined ? phone : phone < mobile ? `${phone},${mobile}` : `${mobile},${phone}`;
  // The zip is five digits or none (ended by "|"), the numbers last: neither needs its length.
  const exact = `${name.length}:${name}${address1.length}:${address1}${zip}|${address2.length}:${address2}${phones}`;
  return { exact, near, phonesKnown, phones, details };
}

/** Whether `field` of every member's keys is the same. */
const same = (members: readonly { keys: Keys }[], field: (k: Keys) => string | undefined) => new Set(members.map((m) => field(m.keys))).size === 1;

/** Candidates into merge groups and review groups, each list in the order the candidates came. */
export function planMerge(candidates: readonly MergeCandidate[]): MergePlan {
  const byExact = new Map<string, string[]>();
  const byNear = new Map<string, { order_id: string; keys: Keys }[]>();
  // The phones, zip and detail line are read only for orders that share their name and address with another: on
  // a desk of 100,000 lines most recipients are alone, and their full keys cost most of the plan.
  // Names first (cheap): an order whose name no other order has needs no address read either. Each name and
  // address is normalised once and kept for the next step (normalising again cost the plan a third of its time).
  const n = candidates.length;
  const names = new Array<string>(n);
  const named = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = candidates[i]!;
    const name = c.merge_locked ? '' : normalizeName(c.recipient_name);
    names[i] = name;
    if (name) named.set(name, (named.get(name) ?? 0) + 1);
  }
  const addresses = new Array<string>(n);
  const nears = new Array<string | null>(n).fill(null);
  const seen = new Map<string, number>();
  // Orders to one recipient mostly carry the very same text: each distinct text is normalised once.
  const normalized = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    if (!name || named.get(name)! < 2) continue;
    const raw = candidates[i]!.recipient_address1;
    let address1 = raw === null ? '' : normalized.get(raw);
    if (address1 === undefined) normalized.set(raw!, (address1 = normalizeAddress(raw)));
    if (!address1) continue;
    const near = nearOf(name, address1);
    addresses[i] = address1;
    nears[i] = near;
    seen.set(near, (seen.get(near) ?? 0) + 1);
  }
  const keysOf = new Map<string, Keys>();
  for (let i = 0; i < n; i++) {
    const near = nears[i];
    if (near === null || near === undefined || seen.get(near)! < 2) continue;
    const c = candidates[i]!;
    const raw = rawRecipient(c);
    let keys = keysOf.get(raw);
    if (!keys) keysOf.set(raw, (keys = fullKeys(c, names[i]!, addresses[i]!, near)));
    // Pushed in place: copying the list for every candidate cost a 100,000-line desk a good part of its preview.
    if (keys.exact) push(byExact, keys.exact, c.order_id);
    push(byNear, near, { order_id: c.order_id, keys });
  }
  const merges: MergeGroup[] = [];
  for (const [key, order_ids] of byExact) if (order_ids.length > 1) merges.push({ key, order_ids });

  const reviews: ReviewGroup[] = [];
  for (const [near_key, members] of byNear) {
    // One cluster per exact key (its merge group, or the order alone), one per order without an exact key. Most
    // orders sharing a name and address share the exact key too: one cluster, no review, no map made for it.
    const exact = members[0]!.keys.exact;
    if (exact !== null && members.every((m) => m.keys.exact === exact)) continue;
    const clusters = new Map<string, string[]>();
    for (const m of members) {
      const id = m.keys.exact ?? `order:${m.order_id}`;
      push(clusters, id, m.order_id);
    }
    if (clusters.size < 2) continue;
    // Another zip or detail line (동·호수: 1층 상가 and 302호) is said first, whatever the phones: one number on two
    // flats is refused by the malls, and a card saying only "phone unknown" hid it.
    const reason: ReviewReason = !same(members, (k) => k.details)
      ? 'details_differ'
      : !members.every((m) => m.keys.phonesKnown)
        ? members.every((m) => m.keys.phones) && same(members, (k) => k.phones)
          ? 'safe_number' // the same real number on every order, a 050x one beside it on some
          : 'phone_unknown'
        : 'phones_differ';
    reviews.push({ near_key, reason, clusters: [...clusters.values()] });
  }
  return { merges, reviews };
}

/**
 * A candidate's recipient fields as they came, as one text: equal for equal fields only (each is preceded by its
 * length), with an absent field the same as an empty one, which the keys do not tell apart either.
 */
function rawRecipient(c: MergeCandidate): string {
  const [name, a1, a2, zip, phone, mobile] = [
    c.recipient_name ?? '',
    c.recipient_address1 ?? '',
    c.recipient_address2 ?? '',
    c.recipient_zip ?? '',
    c.recipient_phone ?? '',
    c.recipient_mobile ?? '',
  ];
  return `${name.length}:${name}${a1.length}:${a1}${a2.length}:${a2}${zip.length}:${zip}${phone.length}:${phone}${mobile}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
