// A new gift rule: the gift, then the conditions (each left empty always holds). Lists are typed comma-separated;
// SKU codes are checked by the server, which names the field of an unknown code.
import { Button, Checkbox, Field, Input, Option } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useState } from 'react';
import type { GiftRuleBody } from '../../../../shared/api/gifts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { giftMessages as m } from './gift-messages.ts';

const EMPTY = { name: '', gift: '', quantity: '1', skus: '', channels: '', amount: '', minQuantity: '', from: '', to: '' };

const list = (text: string) =>
  text
    .split(/[,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const whole = (text: string) => (text.trim() ? Number(text.replace(/[,\s]/g, '')) : null);

export function RuleForm(props: { lang: Lang; accounts: Account[]; disabled: boolean; onSave: (body: GiftRuleBody) => Promise<void> }) {
  const { lang, accounts } = props;
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const [f, setF] = useState(EMPTY);
  const [basis, setBasis] = useState<'paid' | 'order'>('paid');
  const [shipping, setShipping] = useState(false);
  const [deduct, setDeduct] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  const field = (key: keyof typeof EMPTY, label: keyof typeof m, type: 'text' | 'number' | 'date' = 'text') => (
    <Field label={t(label)} className={ui.grow}>
      <Input type={type} value={f[key]} onChange={(_, d) => setF({ ...f, [key]: d.value })} />
    </Field>
  );

  const submit = async () => {
    await props.onSave({
      name: f.name,
      gift_sku_code: f.gift,
      gift_quantity: whole(f.quantity) ?? 1,
      sku_codes: list(f.skus),
      channel_names: list(f.channels),
      mall_account_ids: picked,
      amount_min: whole(f.amount),
      amount_basis: basis,
      amount_with_shipping: shipping,
      min_quantity: whole(f.minQuantity),
      period_from: f.from || null,
      period_to: f.to || null,
      deduct_stock: deduct,
    });
  };

  return (
    <form
      className={ui.form}
      aria-label={t('gf_new')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {field('name', 'gf_name')}
      <div className={ui.rowEnd}>
        {field('gift', 'gf_gift_code')}
        <Field label={t('gf_gift_quantity')} style={{ width: 72 }}>
          <Input type="number" min={1} value={f.quantity} onChange={(_, d) => setF({ ...f, quantity: d.value })} />
        </Field>
      </div>
      <Checkbox checked={deduct} onChange={(_, d) => setDeduct(d.checked === true)} label={t('gf_deduct')} />
      {field('skus', 'gf_sku_codes')}
      {field('channels', 'gf_channels')}
      {accounts.length > 0 && (
        <Field label={t('gf_accounts')}>
          <Dropdown lang={lang} multiselect selectedOptions={picked} onOptionSelect={(_, d) => setPicked(d.selectedOptions)}>
            {accounts.map((a) => (
              <Option key={a.id} value={a.id}>
                {a.display_name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <div className={ui.rowEnd}>
        {field('amount', 'gf_amount_min', 'number')}
        <Field label={t('gf_basis')} className={ui.grow}>
          <Dropdown
            lang={lang}
            value={t(basis === 'paid' ? 'gf_basis_paid' : 'gf_basis_order')}
            selectedOptions={[basis]}
            onOptionSelect={(_, d) => setBasis(d.optionValue === 'order' ? 'order' : 'paid')}
            style={{ minWidth: 0 }}
          >
            <Option value="paid">{t('gf_basis_paid')}</Option>
            <Option value="order">{t('gf_basis_order')}</Option>
          </Dropdown>
        </Field>
      </div>
      <Checkbox checked={shipping} onChange={(_, d) => setShipping(d.checked === true)} label={t('gf_shipping')} />
      {field('minQuantity', 'gf_min_quantity', 'number')}
      <div className={ui.rowEnd}>
        {field('from', 'gf_from', 'date')}
        {field('to', 'gf_to', 'date')}
      </div>
      <Button type="submit" appearance="primary" disabled={props.disabled || !f.name.trim() || !f.gift.trim()}>
        {t('gf_save')}
      </Button>
    </form>
  );
}
