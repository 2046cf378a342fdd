// The warehouse list of the 상품 tab: read once, added to, and the default switched (the server moves the flag in
// one change); each action's outcome in the section's own status line.
import { useEffect, useState } from 'react';
import type { WarehouseView } from '../../../../shared/api/catalogue.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { createWarehouse, listWarehouses, updateWarehouse } from '../../api/catalogue.ts';
import { errorText, said, useWork } from '../work.tsx';
import { catalogueMessages as cm } from './catalogue-messages.ts';

export type WarehouseForm = { code: string; name: string; kind: 'warehouse' | 'store' };
const EMPTY: WarehouseForm = { code: '', name: '', kind: 'warehouse' };

export function useWarehouses(api: Api, lang: Lang) {
  const work = useWork(lang);
  const [items, setItems] = useState<WarehouseView[]>([]);
  const [form, setForm] = useState<WarehouseForm>(EMPTY);
  const reload = async () => setItems((await listWarehouses(api)).items);
  // Read once per sign-in (the api changes with the session).
  useEffect(() => {
    listWarehouses(api).then(
      (answer) => setItems(answer.items),
      (error: unknown) => work.setNotice({ intent: 'error', text: errorText(error, lang) }),
    );
  }, [api]);
  const add = () =>
    work.run(async () => {
      const made = await createWarehouse(api, { code: form.code.trim(), name: form.name.trim(), kind: form.kind });
      setForm(EMPTY);
      await reload();
      return said(cm.warehouse_added, { name: made.name });
    });
  const makeDefault = (w: WarehouseView) =>
    work.run(async () => {
      await updateWarehouse(api, w.id, { version: w.version, is_default: true });
      await reload();
      return said(cm.default_set, { name: w.name });
    });
  return { work, items, form, setForm: (patch: Partial<WarehouseForm>) => setForm((f) => ({ ...f, ...patch })), add, makeDefault };
}
