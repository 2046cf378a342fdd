// The export section's work: the form's choice, the reason (the session's last one until the operator picks
// another), and the download: the file fetched through the typed API and saved from the pane. A successful export
// makes its reason the session's (the next pull or export offers it).
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { exportBooking, exportOrderLines } from '../../api/exports.ts';
import { choiceOf, type ReasonChoice } from '../reason/session-reason.ts';
import { reasonMessages } from '../reason/reason-messages.ts';
import { useSessionReason } from '../reason/useSessionReason.ts';
import { said, saidJoined, useWork } from '../work.tsx';
import { exportMessages } from './export-messages.ts';
import { DEFAULT_EXPORT, exportCall, fileSize, withTemplate, type ExportChoice, type ExportProblem } from './export-request.ts';
import { saveFile } from './save-file.ts';

export function useExport(api: Api, lang: Lang) {
  const work = useWork(lang);
  const session = useSessionReason(api);
  const [choice, setChoice] = useState<ExportChoice>(DEFAULT_EXPORT);
  // null: follow the session's reason (given by a pull or an earlier export) until the operator picks one here.
  const [picked, setPicked] = useState<ReasonChoice | null>(null);
  const [problem, setProblem] = useState<ExportProblem | null>(null);
  const reason = picked ?? choiceOf(session.reason);

  const update = (next: Partial<ExportChoice>) => {
    setProblem(null);
    setChoice((c) => ({ ...c, ...next }));
  };
  const pickTemplate = (id: string) => setChoice((c) => withTemplate(c, id));
  const pickReason = (r: ReasonChoice) => {
    setProblem(null);
    setPicked(r);
  };

  const download = () => {
    const out = exportCall(choice, reason);
    if ('problem' in out) {
      setProblem(out.problem);
      // Kept as words, said in the pane's language when shown (a switch of language words the notice again).
      if (out.problem === 'dates_reversed') work.setNotice({ intent: 'warning', text: said(exportMessages.dates_reversed) });
      else work.setNotice({ intent: 'warning', text: said(reasonMessages[out.problem]) });
      return;
    }
    const { call } = out;
    void work.run(async (step) => {
      step(format(exportMessages.exporting, {}, lang), undefined, false);
      const file = call.kind === 'orders' ? await exportOrderLines(api, call.body) : await exportBooking(api, call.body);
      saveFile(file);
      session.remember(call.reason);
      setPicked(null);
      const done = said(exportMessages.exported, { name: file.fileName, size: fileSize(file.blob.size) });
      if (!file.replaced) return done;
      // File rows: the header is row 1. The server names the first 100.
      const rows = file.replaced.rows.map((r) => r + 1).join(', ') + (file.replaced.rows.length >= 100 ? ' …' : '');
      return { intent: 'warning', text: saidJoined([done, said(exportMessages.exported_replaced, { count: file.replaced.count, rows })], '\n') };
    });
  };

  return { work, choice, update, pickTemplate, reason, pickReason, problem, download };
}
