import { useCallback, useMemo, useState } from 'react';
import type { Partner } from '@shared/api/areas/master';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { DataGrid, type FetchPage } from '../../grid';
import { useTranslation } from '../../i18n';
import { useExcelExport } from '../excel/useExcelExport';
import type { Message } from '../../ui/Banner';
import { ActiveToggle } from './ActiveToggle';
import { useMasterLookups } from './lookups';
import { PageFrame } from './PageFrame';
import { AddPartnerDialog } from './partners/AddPartnerDialog';
import { partnerColumns } from './partners/columns';
import { HandoverDialog } from './partners/HandoverDialog';
import { masterPermissions } from './permissions';

/**
 * Partners (渠道合作伙伴): a large table, so the grid pages through `partners.list` (server-side
 * sort, filter and quick search, keyset paging). Channel staff and administrators edit in place;
 * approvers and administrators hand a manager's partners over to another user.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const onExport = useExcelExport('partners');
  const { user } = useSession();
  const can = masterPermissions(user.role);
  const lk = useMasterLookups();
  const [showInactive, setShowInactive] = useState(false);
  const [selected, setSelected] = useState<Partner | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [dialog, setDialog] = useState<'add' | 'handover' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const columns = useMemo(() => partnerColumns(t, lk), [t, lk]);
  const fetchPage = useCallback<FetchPage<Partner>>((req) => call('partners.list', req), []);
  const save = useCallback(
    (row: Partner, field: string, value: unknown) => call('partners.update', { id: row.id, version: row.version, patch: { [field]: value } }),
    [],
  );
  const reloadRow = useCallback((row: Partner) => call('partners.get', { id: row.id }), []);
  const instead = user.role === 'finance' ? 'master.insteadFinance' : user.role === 'approver' ? 'master.insteadApprover' : 'master.insteadOther';
  const who = `${t('master.whoPartners')} ${t(instead)}`;
  const done = (text: string) => {
    setMessage({ kind: 'ok', text });
    setRefreshKey((k) => k + 1);
  };

  return (
    <PageFrame title={t('nav.partners')} readOnly={!can.writePartners} who={who} message={message} onMessageClose={() => setMessage(null)}>
      {lk.ready && (
        <DataGrid<Partner>
          gridId="partners"
          onExport={onExport}
          columns={columns}
          fetchPage={fetchPage}
          refreshKey={refreshKey}
          readOnly={!can.writePartners}
          save={save}
          reloadRow={reloadRow}
          showInactive={showInactive}
          onShowInactive={setShowInactive}
          onAdd={can.writePartners ? () => setDialog('add') : undefined}
          addLabel={t('master.partner.add')}
          onSelect={setSelected}
          actions={
            <>
              {can.writePartners && (
                <ActiveToggle<Partner>
                  row={selected}
                  name={selected?.name ?? ''}
                  setActive={(r, active) => call('partners.setActive', { id: r.id, version: r.version, active })}
                  onDone={done}
                />
              )}
              {can.handover && (
                <button type="button" onClick={() => setDialog('handover')} data-testid="open-handover">
                  {t('master.handover.open')}
                </button>
              )}
            </>
          }
        />
      )}
      {dialog === 'add' && (
        <AddPartnerDialog
          lk={lk}
          ownerId={user.id}
          onClose={() => setDialog(null)}
          onCreated={(p) => {
            setDialog(null);
            done(t('master.created', { name: p.name }));
          }}
        />
      )}
      {dialog === 'handover' && (
        <HandoverDialog
          lk={lk}
          onClose={() => setDialog(null)}
          onDone={(_h, text) => {
            setDialog(null);
            done(text);
          }}
        />
      )}
    </PageFrame>
  );
}
