// The claims the notice above the tabs lists: heard on the job feed while signed in. Each finished sync that moved
// lines adds the claims it brought for lines on the sheet and drops the listed ones it closed (a cancel withdrawn).
import { useEffect, useRef, useState } from 'react';
import { FINISHED_JOB_STATES } from '../../../../shared/api/jobs.schema.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { claimKey, claimNews, mayBringClaims, type NewClaim } from './claim-notices.ts';

export function useClaimNotices(api: Api, feed: JobFeed) {
  const [claims, setClaims] = useState<NewClaim[]>([]);
  const seen = useRef(new Set<string>());
  // What the notice lists now, read when a sync ends (the subscription lives once per sign-in).
  const listed = useRef(claims);
  listed.current = claims;

  useEffect(
    () =>
      feed.subscribe((job) => {
        if (!FINISHED_JOB_STATES.has(job.state) || !mayBringClaims(job)) return;
        void claimNews(api, job, listed.current, seen.current)
          .then(({ found, closed }) => {
            if (found.length || closed.size) setClaims((had) => [...had.filter((c) => !closed.has(claimKey(c))), ...found]);
          })
          .catch(() => undefined);
      }),
    [api, feed],
  );

  return { claims, dismiss: () => setClaims([]) };
}
