// The 송장 tab's bands (송장 대역): read each time the tab shows and 대역 관리 opens (an admin may register one on another
// desk), again after numbering or a change; the chosen
// courier's bands and what they have left; the admin's form to register one and switch one off or on.
import { useCallback, useEffect, useState } from 'react';
import type { TrackingBandView } from '../../../../shared/api/tracking-bands.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { createBand, listBands, setBandActive } from '../../api/tracking-bands.ts';
import { courierWords } from '../../sheet/cells.ts';
import { errorText, said, useWork } from '../work.tsx';
import { bandMessages as bm } from './band-messages.ts';

/** `tabBusy`: another action of the 송장 tab runs; its own notice is coming, and the band's is old news by then. */
export function useBands(api: Api, lang: Lang, courier: string, active: boolean, tabBusy: boolean) {
  const work = useWork(lang);
  const { setNotice } = work;
  useEffect(() => {
    if (tabBusy) setNotice(null);
  }, [tabBusy, setNotice]);
  const [bands, setBands] = useState<TrackingBandView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ first: '', last: '' });

  const reload = useCallback(async () => {
    try {
      setBands((await listBands(api)).items);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error, lang));
    }
  }, [api, lang]);
  useEffect(() => {
    if (active) void reload();
  }, [reload, active]);

  const ofCourier = (bands ?? []).filter((b) => b.courier === courier);
  const remaining = ofCourier.filter((b) => b.active).reduce((n, b) => n + b.remaining, 0);

  const add = () =>
    work.run(async () => {
      const band = await createBand(api, { courier, first_number: form.first, last_number: form.last });
      setForm({ first: '', last: '' });
      await reload();
      // Kept as words (the courier named in both languages): a switch of language words the notice again.
      return said(bm.band_added, { courier: courierWords(courier), count: band.remaining });
    });
  const switchBand = (band: TrackingBandView) =>
    work.run(async () => {
      await setBandActive(api, band.id, { active: !band.active });
      await reload();
      return said(band.active ? bm.band_switched_off : bm.band_switched_on);
    });
  return {
    work,
    loaded: bands !== null,
    loadError,
    bands: ofCourier,
    remaining,
    open,
    toggle: () => {
      if (!open) void reload();
      // What the manager said belongs to it: closed, it would stay above the tab's later notices.
      else setNotice(null);
      setOpen(!open);
    },
    form,
    change: (field: 'first' | 'last', value: string) => setForm({ ...form, [field]: value }),
    add,
    switchBand,
    reload,
  };
}
