// The pane's one job feed per sign-in: the jobs list and every "wait for these jobs" hear the same event stream.
import { useMemo } from 'react';
import type { Api } from '../../api/client.ts';
import { JobFeed } from '../../api/job-feed.ts';

/** Opens nothing by itself: the stream is open while someone subscribes or follows (see JobFeed). */
export function useJobFeed(api: Api): JobFeed {
  return useMemo(() => new JobFeed(api), [api]);
}
