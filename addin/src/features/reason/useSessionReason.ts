// The session's remembered reason for a React component: read, remember, forget.
import { useCallback, useSyncExternalStore } from 'react';
import type { Api } from '../../api/client.ts';
import { sessionReasons, type Reason } from './session-reason.ts';

export function useSessionReason(api: Api) {
  const token = api.token;
  const reason = useSyncExternalStore(sessionReasons.subscribe, () => sessionReasons.get(token));
  const remember = useCallback((r: Reason) => sessionReasons.remember(token, r), [token]);
  const forget = useCallback(() => sessionReasons.forget(), []);
  return { reason, remember, forget };
}
