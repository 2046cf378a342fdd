// A job that acts at a mall on thousands of items does it a part at a time and records each part's outcome before
// the next goes: a crash or a stop mid-run leaves at most one part the mall took unrecorded (its re-run hears
// "already done" from the mall), and the job's progress moves as the mall answers instead of jumping at the end.

/**
 * `items` in parts of about `size`, never splitting a group (the items one `groupOf` names: an order's lines, which
 * a mall acts on together); a group bigger than `size` is a part of its own. Items keep their order within a group,
 * and groups the order of their first item.
 */
export function inParts<T>(items: readonly T[], size: number, groupOf?: (item: T) => string): T[][] {
  let groups: T[][] = items.map((item) => [item]);
  if (groupOf) {
    const byKey = new Map<string, T[]>();
    for (const item of items) {
      const key = groupOf(item);
      const group = byKey.get(key);
      if (group) group.push(item);
      else byKey.set(key, [item]);
    }
    groups = [...byKey.values()];
  }
  const parts: T[][] = [];
  let part: T[] = [];
  for (const group of groups) {
    if (part.length && part.length + group.length > size) {
      parts.push(part);
      part = [];
    }
    part.push(...group);
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * A part as read (`read`) against the same items read again just before it goes (`now`, by `keyOf`): each as it is
 * now, and those no longer to be sent (`gone`: taken back, decided again, sent by another run).
 */
export function partAsNow<T>(read: readonly T[], now: ReadonlyMap<string, T>, keyOf: (item: T) => string): { current: T[]; gone: T[] } {
  const current: T[] = [];
  const gone: T[] = [];
  for (const item of read) {
    const fresh = now.get(keyOf(item));
    if (fresh) current.push(fresh);
    else gone.push(item);
  }
  return { current, gone };
}

/**
 * Sends each part (`send`, the mall's work) and records its answer (`record`, the database's work) while the next
 * part is sent, so the two overlap; records run one at a time, in order. Whatever the mall answered is recorded,
 * even when an earlier record failed (no part is sent after that is known). `beforeSend` runs before each part
 * (a stop asked for is thrown there, and wins over a failed record). The first error wins: a failed send or a stop
 * is what the caller hears, after the parts already answered are recorded — a record that failed meanwhile is
 * handed to `unheard` — else a failed record.
 */
export async function sendInPartsRecordingBehind<P, A>(
  parts: readonly P[],
  send: (part: P) => Promise<A>,
  record: (part: P, answer: A) => Promise<void>,
  hooks: { beforeSend?: () => void; unheard?: (error: unknown) => void } = {},
): Promise<void> {
  let recording: Promise<void> = Promise.resolve();
  let recordFailed: { error: unknown } | undefined;
  try {
    for (const part of parts) {
      hooks.beforeSend?.();
      if (recordFailed) break;
      const answer = await send(part);
      await recording;
      recording = record(part, answer).catch((error: unknown) => {
        recordFailed ??= { error };
      });
    }
  } catch (error) {
    await recording; // never rejects
    if (recordFailed) hooks.unheard?.(recordFailed.error);
    throw error;
  }
  await recording;
  if (recordFailed) throw recordFailed.error;
}
