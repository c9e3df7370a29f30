import { useState } from 'react';
import type { BackupInfo } from '@shared/api/areas/system';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { dateTime } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import type { Message } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageFrame } from '../master/PageFrame';
import { fileSize } from '../excel/transfer';

/**
 * Settings → Backups (administrators): the backups in the data folder, "back up now", and restore
 * with one confirmation. The core verifies the file before switching and keeps the current
 * database as a backup; the restored file has its own sessions, so everyone signs in again.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const list = useApiQuery('backups.list', {});
  const create = useApiMutation('backups.create');
  const [message, setMessage] = useState<Message | null>(null);
  const [asked, setAsked] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState(false);

  const backUp = () =>
    create.mutate({}, {
      onSuccess: (b) => setMessage({ kind: 'ok', text: t('backups.made', { name: b.name }) }),
      onError: (e) => setMessage({ kind: 'error', text: errorText(e) }),
    });

  return (
    <PageFrame title={t('backups.title')} message={message} onMessageClose={restored ? undefined : () => setMessage(null)}>
      <p className="muted">{t('backups.intro', { dir: list.data?.folder ?? '' })}</p>
      {restored ? (
        <button type="button" className="primary" onClick={signOut} data-testid="sign-in-again">
          {t('action.signIn')}
        </button>
      ) : (
        <>
          <div className="toolbar">
            <button type="button" onClick={backUp} disabled={create.isPending} data-testid="backup-now">
              {t('backups.now')}
            </button>
          </div>
          <div className="mini-table-wrap">
            <table className="mini-table" data-testid="backups">
              <thead>
                <tr>
                  <th>{t('backups.createdAt')}</th>
                  <th>{t('backups.reason')}</th>
                  <th className="num">{t('backups.size')}</th>
                  <th>{t('backups.name')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {(list.data?.backups ?? []).map((b) => (
                  <tr key={b.name} data-testid="backup-row">
                    <td>{dateTime(b.createdAt)}</td>
                    <td>{t(`backups.reasons.${b.reason}`)}</td>
                    <td className="num">{fileSize(b.size)}</td>
                    <td>{b.name}</td>
                    <td>
                      <button type="button" onClick={() => setAsked(b)} data-testid="restore">
                        {t('backups.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {asked && (
        <ConfirmDialog
          danger
          title={t('backups.confirmTitle')}
          text={t('backups.confirmText', { name: asked.name, time: dateTime(asked.createdAt) })}
          confirmLabel={t('backups.confirm')}
          onConfirm={async () => {
            const r = await call('backups.restore', { name: asked.name });
            setRestored(true);
            setMessage({ kind: 'ok', text: t('backups.restored', { name: r.restored, kept: r.keptAs }) });
          }}
          onClose={() => setAsked(null)}
        />
      )}
    </PageFrame>
  );
}
