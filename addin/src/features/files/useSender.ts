// The sender (보내는 분) of booking files as the export section shows it: read when the booking file is first chosen,
// a form to look at it (everyone who exports bookings) and save it (admins; the server checks the role again).
import { useEffect, useState } from 'react';
import type { SenderSetting, SenderView } from '../../../../shared/api/settings.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ApiError, type Api } from '../../api/client.ts';
import { getSender, setSender } from '../../api/settings.ts';
import { errorText, said, useWork } from '../work.tsx';
import { senderMessages as sm } from './sender-messages.ts';

export type SenderForm = { name: string; phone: string; mobile: string; zip: string; address1: string; address2: string };
export type SenderField = keyof SenderForm;

const EMPTY: SenderForm = { name: '', phone: '', mobile: '', zip: '', address1: '', address2: '' };

export function formOf(sender: SenderView | null): SenderForm {
  if (!sender) return EMPTY;
  return { ...sender, mobile: sender.mobile ?? '', address2: sender.address2 ?? '' };
}

/** "쉽시트상회 · 02-1234-5678 · 06236 서울특별시 … 4층": the sender in one line. */
export function senderLine(sender: SenderView): string {
  const address = [sender.zip, sender.address1, sender.address2].filter(Boolean).join(' ');
  return [sender.name, sender.phone, address].join(' · ');
}

/** The field a refusal names (the server's details), so the form can mark it. */
function refusedField(error: unknown): SenderField | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return null;
  const field = (error.details[0] as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' && field in EMPTY ? (field as SenderField) : null;
}

export function useSender(api: Api, lang: Lang, active: boolean) {
  const work = useWork(lang);
  const [setting, setSetting] = useState<SenderSetting | null>(null);
  const [open, setOpen] = useState(false);
  /** The form as typed; null until typed in, when it shows the sender as read. */
  const [typed, setTyped] = useState<SenderForm | null>(null);
  const [invalid, setInvalid] = useState<SenderField | null>(null);
  // A read that failed (a viewer's 403, the server away) says so instead of passing for "not set".
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!active || setting || loadError) return;
    let current = true;
    void getSender(api)
      .then((s) => current && setSetting(s))
      .catch((error: unknown) => current && setLoadError(errorText(error, lang)));
    return () => {
      current = false;
    };
  }, [api, lang, active, setting, loadError]);

  // Until it is typed in, the open form shows the sender as read — also when the read answers after the form was
  // opened (a quick click on 보내는 분 설정 used to keep an empty form, which an admin could then save).
  const read = formOf(setting?.sender ?? null);
  const shown = typed ?? read;

  const toggle = () => {
    setInvalid(null);
    setTyped(null);
    setOpen(!open);
  };
  const change = (field: SenderField, value: string) => {
    setInvalid(null);
    // On the form as typed so far (first, the sender as read), so changes in one batch (autofill) all stay.
    setTyped((before) => ({ ...(before ?? read), [field]: value }));
  };
  const save = () =>
    void work.run(async (step) => {
      step(format(sm.sender_saving, {}, lang), undefined, false);
      try {
        const saved = await setSender(api, { ...shown, mobile: shown.mobile || null, address2: shown.address2 || null });
        setSetting(saved);
        setLoadError(null);
        setTyped(null);
      } catch (error) {
        setInvalid(refusedField(error));
        throw error;
      }
      return said(sm.sender_saved);
    });

  return { work, sender: setting?.sender ?? null, loaded: setting !== null, loadError, open, toggle, form: shown, change, invalid, save };
}
