// The gifts tab (사은품): the rules as small cards (each in words, on or off, deletable until it has added gifts),
// a form for a new rule, and 미리보기 → 적용 → 마지막 적용 취소, the preview written into the 사은품 sheet.
import { Badge, Button, Caption1, Card, Divider, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { GiftRuleView } from '../../../../shared/api/gifts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { WorkStatus } from '../work.tsx';
import { giftMessages as m } from './gift-messages.ts';
import { RuleForm } from './RuleForm.tsx';
import { useGifts } from './useGifts.ts';

type Props = { api: Api; lang: Lang; active: boolean; role: string; accounts: Account[] };

export function GiftsPane({ api, lang, active, role, accounts }: Props) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const g = useGifts(api, lang);
  const viewer = role === 'viewer';
  const { load } = g;
  useEffect(() => {
    if (active) void load();
    // Read when the tab opens; 새로고침 reads again.
  }, [active]);

  return (
    // Named as its tab, so a test (or a screen reader) finds the region the tab shows.
    <section className={ui.stack} aria-label={format(paneMessages.tab_gifts, {}, lang)}>
      <div className={ui.spread}>
        <Text weight="semibold" data-testid="gift-rule-count">
          {t('gf_rules', { count: g.rules?.length ?? 0 })}
        </Text>
        <Button size="small" disabled={g.work.busy} onClick={() => void load()}>
          {t('gf_refresh')}
        </Button>
      </div>
      <Caption1>{t('gf_help')}</Caption1>
      <div className={ui.row}>
        <Button disabled={g.work.busy} onClick={() => void g.runPreview()}>
          {t('gf_preview')}
        </Button>
        <Button appearance="primary" disabled={g.work.busy || viewer || !g.preview?.orders} onClick={() => void g.apply()}>
          {t('gf_apply', { orders: g.preview?.orders ?? 0 })}
        </Button>
      </div>
      <Button size="small" disabled={g.work.busy || viewer} onClick={() => void g.undoLast()}>
        {t('gf_undo')}
      </Button>
      {viewer && <Caption1>{t('gf_viewer')}</Caption1>}
      <WorkStatus work={g.work} lang={lang} />
      {g.rules && g.rules.length === 0 && <Caption1>{t('gf_empty')}</Caption1>}
      <div className={ui.cards}>
        {g.rules?.map((rule) => (
          <RuleCard
            key={rule.id}
            rule={rule}
            lang={lang}
            accounts={accounts}
            disabled={g.work.busy || viewer}
            onToggle={() => void g.toggle(rule)}
            onDelete={() => void g.remove(rule)}
          />
        ))}
      </div>
      <Divider />
      <Text weight="semibold">{t('gf_new')}</Text>
      <RuleForm lang={lang} accounts={accounts} disabled={g.work.busy || viewer} onSave={g.save} />
    </section>
  );
}

/** A rule's conditions in words, one per part; none means every order. */
export function conditionsOf(rule: GiftRuleView, lang: Lang, accounts: Account[]): string[] {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const out: string[] = [];
  if (rule.mall_account_ids.length) {
    const names = rule.mall_account_ids.map((id) => accounts.find((a) => a.id === id)?.display_name ?? id);
    out.push(t('gf_cond_accounts', { names: names.join(', ') }));
  }
  if (rule.channel_names.length) out.push(t('gf_cond_channels', { names: rule.channel_names.join(', ') }));
  if (rule.sku_codes.length) out.push(t('gf_cond_skus', { codes: rule.sku_codes.join(', ') }));
  if (rule.amount_min !== null) {
    out.push(
      t('gf_cond_amount', {
        basis: t(rule.amount_basis === 'paid' ? 'gf_basis_paid' : 'gf_basis_order'),
        amount: rule.amount_min.toLocaleString('ko-KR'),
        shipping: rule.amount_with_shipping ? t('gf_with_shipping') : '',
      }),
    );
  }
  if (rule.min_quantity !== null) out.push(t('gf_cond_quantity', { quantity: rule.min_quantity }));
  if (rule.period_from || rule.period_to) out.push(t('gf_cond_period', { from: rule.period_from ?? '', to: rule.period_to ?? '' }));
  return out.length ? out : [t('gf_always')];
}

function RuleCard(props: { rule: GiftRuleView; lang: Lang; accounts: Account[]; disabled: boolean; onToggle: () => void; onDelete: () => void }) {
  const { rule, lang } = props;
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  return (
    <Card size="small" data-rule={rule.id}>
      <div className={ui.spread}>
        <Text weight="semibold">{rule.name}</Text>
        <Badge shape="rounded" className={ui.badge} color={rule.active ? 'success' : 'informative'}>
          {rule.active ? t('gf_active') : t('gf_inactive')}
        </Badge>
      </div>
      <Caption1>
        {t('gf_gift', { code: rule.gift_sku_code, quantity: rule.gift_quantity })} {rule.gift_sku_name}
        {rule.deduct_stock ? '' : ` · ${t('gf_no_stock')}`}
      </Caption1>
      {conditionsOf(rule, lang, props.accounts).map((c) => (
        <Caption1 key={c}>{c}</Caption1>
      ))}
      <div className={ui.row}>
        <Button size="small" disabled={props.disabled} onClick={props.onToggle}>
          {rule.active ? t('gf_turn_off') : t('gf_turn_on')}
        </Button>
        <Button size="small" disabled={props.disabled} onClick={props.onDelete}>
          {t('gf_delete')}
        </Button>
      </div>
    </Card>
  );
}
