import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Handover } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { dateTime } from '../../../format';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select, useForm } from '../../../ui/form';
import type { MasterLookups } from '../lookups';

/**
 * Handover (交接): every partner a manager owns in the caller's scope moves to another user in one
 * step. The dialog shows how many will move before anything happens, and the past handovers.
 */
export function HandoverDialog({ lk, onClose, onDone }: { lk: MasterLookups; onClose: () => void; onDone: (h: Handover, text: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const f = useForm({ fromUserId: '', toUserId: '', note: '' });
  const { fromUserId, toUserId } = f.values;
  const [count, setCount] = useState<number | null>(null);
  const history = useApiQuery('partners.handovers', {});
  const name = (id: string | number) => lk.users.label(Number(id));
  const users = lk.userRows.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  const active = lk.userRows.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));

  useEffect(() => {
    setCount(null);
    if (!fromUserId) return;
    let live = true;
    call('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [Number(fromUserId)] } }, includeInactive: true, limit: 1 })
      .then((p) => live && setCount(p.total))
      .catch(() => live && setCount(null));
    return () => {
      live = false;
    };
  }, [fromUserId]);

  const submit = async () => {
    const h = await f.run(() => call('partners.handover', { fromUserId: Number(fromUserId), toUserId: Number(toUserId), note: f.values.note }));
    if (!h) return;
    await qc.invalidateQueries({ queryKey: ['partners.handovers'] });
    onDone(h, t('master.handover.done', { count: h.partnerCount, from: h.fromUserName, to: h.toUserName }));
  };

  return (
    <Dialog
      title={t('master.handover.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('master.handover.submit')}
      submitDisabled={!fromUserId || !toUserId || !count}
      busy={f.busy}
      wide
      testId="handover"
    >
      <div className="form-grid">
        <Field label={t('master.handover.from')} error={f.issues.fromUserId}>
          <Select name="fromUserId" value={fromUserId} choices={users} empty={t('master.handover.pick')} onChange={(x) => f.set('fromUserId', x)} />
        </Field>
        <Field label={t('master.handover.to')} error={f.issues.toUserId}>
          <Select name="toUserId" value={toUserId} choices={active} empty={t('master.handover.pick')} onChange={(x) => f.set('toUserId', x)} />
        </Field>
        <Field label={t('master.handover.note')} error={f.issues.note} wide>
          <input name="note" value={f.values.note} onChange={(e) => f.set('note', e.target.value)} />
        </Field>
      </div>
      {fromUserId && count !== null && (
        <p className="handover-count" data-testid="handover-count">
          {count === 0
            ? t('master.handover.nothing', { from: name(fromUserId) })
            : t('master.handover.willMove', { count, from: name(fromUserId), to: toUserId ? name(toUserId) : '…' })}
        </p>
      )}
      <Banner message={f.message} />
      <h4>{t('master.handover.history')}</h4>
      <HandoverHistory rows={history.data ?? []} />
    </Dialog>
  );
}

function HandoverHistory({ rows }: { rows: Handover[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('master.handover.empty')}</p>;
  return (
    <div className="mini-table-wrap">
      <table className="mini-table" data-testid="handover-history">
        <thead>
          <tr>
            <th>{t('master.handover.at')}</th>
            <th>{t('master.handover.from')}</th>
            <th>{t('master.handover.to')}</th>
            <th className="num">{t('master.handover.count')}</th>
            <th>{t('master.handover.by')}</th>
            <th>{t('master.handover.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <td className="num">{dateTime(h.at)}</td>
              <td>{h.fromUserName}</td>
              <td>{h.toUserName}</td>
              <td className="num">{h.partnerCount}</td>
              <td>{h.byUserName}</td>
              <td>{h.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
