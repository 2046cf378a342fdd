// Work that writes recipients into a sheet says why once a session (issue 10 §6): `withReason` runs it with the
// session's reason, or first asks for one (the prompt a pane shows with ReasonPrompt) and remembers the answer.
import { useState } from 'react';
import type { Api } from '../../api/client.ts';
import type { ReasonAsk } from './ReasonPrompt.tsx';
import { reasonOfChoice, type Reason, type ReasonChoice, type ReasonProblem } from './session-reason.ts';
import { useSessionReason } from './useSessionReason.ts';

/** The choice offered first: the desk's everyday reason. */
const FIRST_CHOICE: ReasonChoice = { reason: 'shipping', text: '' };

export function useReasonAsk(api: Api): { withReason: (then: (why: Reason) => void) => void; prompt: ReasonAsk | null } {
  const session = useSessionReason(api);
  const [asking, setAsking] = useState<{ then: (why: Reason) => void; choice: ReasonChoice; problem: ReasonProblem | null } | null>(null);
  const withReason = (then: (why: Reason) => void) => {
    if (session.reason) then(session.reason);
    else setAsking({ then, choice: FIRST_CHOICE, problem: null });
  };
  const prompt = asking && {
    choice: asking.choice,
    problem: asking.problem,
    change: (choice: ReasonChoice) => setAsking({ ...asking, choice, problem: null }),
    confirm: () => {
      const out = reasonOfChoice(asking.choice);
      if ('problem' in out) return setAsking({ ...asking, problem: out.problem });
      session.remember(out.reason);
      setAsking(null);
      asking.then(out.reason);
    },
    cancel: () => setAsking(null),
  };
  return { withReason, prompt };
}
