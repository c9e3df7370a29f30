import { useState } from 'react';
import { useApiQuery } from '../../../api/hooks';
import { useDebounced } from '../../../grid/useDebounced';
import { useTranslation } from '../../../i18n';
import { Banner, type Message } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select } from '../../../ui/form';
import type { BudgetLookups } from '../lookups';
import { treeOptions } from '../treeOptions';
import { partnerLabel } from './partners';

/**
 * A new budget line by pickers: an org unit in the user's scope, a channel type, a cost type and
 * optionally a partner (searched in the core by code or name, limited to the channel type). The
 * line appears in the grid unsaved, with its January cell focused for typing or pasting.
 */
export interface NewLineKeys {
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  partnerId: number | null;
}

export function AddLineDialog(p: {
  lk: BudgetLookups;
  exists: (k: NewLineKeys) => boolean;
  onAdd: (k: NewLineKeys, partnerText: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const opts = (l: typeof p.lk.orgUnits) => l.choices().map((id) => ({ value: id, label: l.label(id) }));
  const [org, setOrg] = useState(String(p.lk.scopeUnits.choices()[0] ?? ''));
  const [channel, setChannel] = useState(String(p.lk.channelTypes.choices()[0] ?? ''));
  const [cost, setCost] = useState(String(p.lk.costTypes.choices()[0] ?? ''));
  const [partner, setPartner] = useState('');
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const quick = useDebounced(search, 250);
  const partners = useApiQuery('partners.list', {
    quick,
    limit: 50,
    ...(channel ? { filter: { channelTypeId: { filterType: 'set' as const, values: [Number(channel)] } } } : {}),
  });
  const found = partners.data?.rows ?? [];

  const submit = () => {
    const keys = { orgUnitId: Number(org), channelTypeId: Number(channel), costTypeId: Number(cost), partnerId: partner ? Number(partner) : null };
    if (p.exists(keys)) return setMessage({ kind: 'error', text: t('budgets.add.exists') });
    const hit = found.find((x) => x.id === keys.partnerId);
    p.onAdd(keys, hit ? partnerLabel(hit) : null);
  };

  return (
    <Dialog title={t('budgets.add.title')} onClose={p.onClose} onSubmit={submit} submitLabel={t('budgets.grid.addLine')} submitDisabled={!org || !channel || !cost} testId="add-line">
      <p className="muted">{t('budgets.add.hint')}</p>
      <Field label={t('budgets.grid.orgUnit')}>
        <Select name="orgUnitId" value={org} choices={treeOptions(p.lk.units.filter((u) => p.lk.scopeUnits.has(u.id)), p.lk.orgUnits)} onChange={setOrg} />
      </Field>
      <Field label={t('budgets.grid.channelType')}>
        <Select name="channelTypeId" value={channel} choices={opts(p.lk.channelTypes)} onChange={(v) => (setChannel(v), setPartner(''))} />
      </Field>
      <Field label={t('budgets.grid.costType')}>
        <Select name="costTypeId" value={cost} choices={opts(p.lk.costTypes)} onChange={setCost} />
      </Field>
      <Field label={t('budgets.grid.partner')}>
        <input type="search" name="partnerSearch" placeholder={t('budgets.add.partnerSearch')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Select name="partnerId" value={partner} empty={t('budgets.add.noPartner')} choices={found.map((x) => ({ value: x.id, label: partnerLabel(x) }))} onChange={setPartner} />
      </Field>
      <Banner message={message} />
    </Dialog>
  );
}
