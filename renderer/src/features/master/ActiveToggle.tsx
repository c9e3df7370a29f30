import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/**
 * Deactivate or activate the selected record, after one confirmation. Nothing is deleted:
 * deactivated records keep their history and can be activated again.
 */
export function ActiveToggle<T extends { id: number; version: number; active: boolean }>(p: {
  row: T | null;
  name: string;
  setActive: (row: T, active: boolean) => Promise<unknown>;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const active = p.row?.active !== false;
  return (
    <>
      <button type="button" disabled={!p.row} title={p.row ? undefined : t('grid.selectRow')} onClick={() => setOpen(true)} data-testid="toggle-active">
        {active ? t('action.deactivate') : t('action.activate')}
      </button>
      {open && p.row && (
        <ConfirmDialog
          title={active ? t('action.deactivate') : t('action.activate')}
          text={active ? t('master.confirmDeactivate', { name: p.name }) : t('master.confirmActivate', { name: p.name })}
          confirmLabel={active ? t('action.deactivate') : t('action.activate')}
          danger={active}
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            await p.setActive(p.row!, !active);
            p.onDone(active ? t('master.deactivated', { name: p.name }) : t('master.activated', { name: p.name }));
          }}
        />
      )}
    </>
  );
}
