import { useTranslation } from '../../../i18n';

/**
 * The toolbar buttons of the entry grid. "Save" and "Discard" are enabled only when there is
 * something unsaved (and no save is running); "Floors" shows each month's floor under its amount.
 */
export function EntryActions(p: {
  editable: boolean;
  importButton: React.ReactNode;
  pending: number;
  busy: boolean;
  canUndo: boolean;
  canRedo: boolean;
  removedSelected: boolean;
  showFloors: boolean;
  onFill: () => void;
  onRemove: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onDiscard: () => void;
  onSave: () => void;
  onFloors: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!p.editable) return <>{p.importButton || null}</>;
  return (
    <>
      {p.importButton}
      <button type="button" onClick={p.onFill} data-testid="fill">
        {t('budgets.grid.fill')}
      </button>
      <button type="button" onClick={p.onRemove} data-testid="remove-line">
        {p.removedSelected ? t('budgets.grid.restore') : t('budgets.grid.remove')}
      </button>
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title={t('common.shortcut', { keys: 'Ctrl+Z' })} data-testid="undo">
        {t('budgets.grid.undo')}
      </button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title={t('common.shortcut', { keys: 'Ctrl+Y' })}>
        {t('budgets.grid.redo')}
      </button>
      <button
        type="button"
        aria-pressed={p.showFloors}
        className={p.showFloors ? 'toggle on' : 'toggle'}
        onClick={() => p.onFloors(!p.showFloors)}
        title={t('budgets.grid.floorsHint')}
        data-testid="show-floors"
      >
        {t('budgets.grid.floors')}
      </button>
      <button type="button" onClick={p.onDiscard} disabled={p.pending === 0} data-testid="discard">
        {t('budgets.grid.discard')}
      </button>
      <button
        type="button"
        className="primary"
        onClick={p.onSave}
        disabled={p.busy || p.pending === 0}
        title={p.pending === 0 ? t('budgets.grid.nothingToSave') : t('common.shortcut', { keys: 'Ctrl+S' })}
        data-testid="save-lines"
      >
        {t('budgets.grid.save')}
      </button>
    </>
  );
}
