// The sold-out tab (품절): how many lines cannot ship for want of stock, each with the SKUs it needs and their stock,
// and 품절해제 with a reason for the ticked lines (or all) — each line's result shown on its card.
import { Badge, Button, Caption1, Card, Checkbox, Field, Input, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SoldOutItem } from '../../../../shared/api/sold-out.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { soldOutMessages as m } from './sold-out-messages.ts';
import { useSoldOut } from './useSoldOut.ts';

export function SoldOutPane({ api, lang, active, role }: { api: Api; lang: Lang; active: boolean; role: string }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const s = useSoldOut(api, lang);
  const [reason, setReason] = useState('');
  const { load } = s;
  // Read each time the tab is opened: a stock fix or a SKU status change elsewhere changes what can be released.
  useEffect(() => {
    if (active) void load();
    // Only on opening the tab; the refresh button reads it again on demand.
  }, [active]);

  return (
    <section className={ui.stack} aria-label={t('so_title', { count: s.count })}>
      <div className={ui.spread}>
        <Text weight="semibold" data-testid="sold-out-count">
          {t('so_title', { count: s.count })}
        </Text>
        <Button size="small" disabled={s.work.busy} onClick={() => void load()}>
          {t('so_refresh')}
        </Button>
      </div>
      <Caption1>{t('so_help')}</Caption1>
      <div className={ui.rowEnd}>
        <Field label={t('so_reason')} className={ui.grow}>
          <Input value={reason} placeholder={t('so_reason_placeholder')} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Button appearance="primary" disabled={s.work.busy || !s.count || role === 'viewer'} onClick={() => void s.release(reason)}>
          {s.selected.size ? t('so_release_selected', { count: s.selected.size }) : t('so_release_all')}
        </Button>
      </div>
      {role === 'viewer' && <Caption1>{t('so_viewer')}</Caption1>}
      <WorkStatus work={s.work} lang={lang} />
      {s.items && s.items.length === 0 && <Caption1>{t('so_empty')}</Caption1>}
      <div className={ui.cards}>
        {s.items?.map((item) => (
          <LineCard
            key={item.line_id}
            item={item}
            lang={lang}
            selected={s.selected.has(item.line_id)}
            onSelect={(on) => s.toggle(item.line_id, on)}
            result={s.results.get(item.line_id)}
          />
        ))}
      </div>
      {s.cursor && (
        <Button disabled={s.work.busy} onClick={() => void s.more()}>
          {t('so_more')}
        </Button>
      )}
    </section>
  );
}

type Result = ReturnType<typeof useSoldOut>['results'] extends ReadonlyMap<string, infer R> ? R : never;

function LineCard(props: { item: SoldOutItem; lang: Lang; selected: boolean; onSelect: (on: boolean) => void; result: Result | undefined }) {
  const { item, lang, result } = props;
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const released = result?.result === 'released';
  return (
    <Card size="small" data-line={item.line_id}>
      <div className={ui.spread}>
        <Checkbox
          checked={props.selected}
          disabled={released}
          onChange={(_, d) => props.onSelect(d.checked === true)}
          label={<Text weight="semibold">{item.product_name}</Text>}
          aria-label={`${t('so_select')} ${item.product_name}`}
        />
        <Badge shape="rounded" className={ui.badge} color={released || item.releasable ? 'success' : 'warning'}>
          {released ? t('so_result_released') : item.releasable ? t('so_releasable') : t('so_blocked')}
        </Badge>
      </div>
      <Caption1>
        {[item.option_text, `${item.channel_name} ${item.mall_order_id ?? ''}`.trim(), `× ${item.quantity}`].filter(Boolean).join(' · ')}
      </Caption1>
      {item.skus.length === 0 && <Caption1>{t('so_no_skus')}</Caption1>}
      {item.skus.map((sku) => (
        <Caption1 key={sku.sku_id}>
          {t('so_needs', { code: sku.code, needed: sku.needed, available: sku.available })}
          {sku.status === 'sold_out' ? ` · ${t('so_forced')}` : ''}
        </Caption1>
      ))}
      {result && result.result === 'refused' ? (
        <Text role="status" data-testid="line-result">
          {result.message}
        </Text>
      ) : !released && !item.releasable && item.message ? (
        <Caption1>{item.message}</Caption1>
      ) : null}
    </Card>
  );
}
