// The couriers as dropdown options, in the pane's language: every courier choice of the pane offers the same list.
import { Option } from '@fluentui/react-components';
import { COURIERS } from '../../../shared/couriers.ts';
import type { Lang } from '../../../shared/i18n.ts';
import { courierLabel } from '../sheet/cells.ts';

export function courierOptions(lang: Lang) {
  return COURIERS.map((c) => (
    <Option key={c.code} value={c.code}>
      {courierLabel(c.code, lang)}
    </Option>
  ));
}
