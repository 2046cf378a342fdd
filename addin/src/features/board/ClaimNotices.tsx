// A notice above the tabs when a sync brought claims for lines on the order sheet, naming each by its mall
// order number and claim (claim-notices.ts says how they are found, useClaimNotices.ts when).
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { STATUS_LABELS } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { boardMessages as m } from './board-messages.ts';
import { useClaimNotices } from './useClaimNotices.ts';

export function ClaimNotices({ api, feed, lang }: { api: Api; feed: JobFeed; lang: Lang }) {
  const { claims, dismiss } = useClaimNotices(api, feed);

  if (!claims.length) return null;
  // Lines of one order with the same claim are named once: the operator finds the order by its number.
  const list = [...new Set(claims.map((c) => format(m.new_claim_item, { order: c.mall_order_id, claim: STATUS_LABELS[c.status][lang] }, lang)))].join(
    ', ',
  );
  return (
    <MessageBar intent="warning" data-testid="claim-notice">
      <MessageBarBody>{format(m.new_claims, { list }, lang)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={dismiss}>
          {format(m.dismiss, {}, lang)}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
