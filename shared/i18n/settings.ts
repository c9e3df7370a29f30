/** Settings: backups. */
export const zh = {
  nav: { backups: '备份与恢复' },
  backups: {
    title: '备份与恢复',
    intro: '数据库每天启动时、每次升级迁移前和每次恢复前自动备份，保留最近 7 天每天一份、最近 4 周每周一份。备份文件位于数据目录的 backups 文件夹：{{dir}}',
    now: '立即备份', made: '已备份：{{name}}', restore: '恢复…', name: '文件', createdAt: '时间', size: '大小', reason: '原因',
    reasons: { daily: '每日', 'pre-migration': '升级前', 'pre-restore': '恢复前', manual: '手动' },
    confirmTitle: '恢复备份', confirm: '恢复',
    confirmText: '将数据库恢复到 {{time}} 的备份 {{name}}。之后的所有改动都会从当前数据中消失（当前数据库会先另存为一份“恢复前”备份）。恢复后所有人需要重新登录。',
    restored: '已恢复 {{name}}；原数据库已保存为 {{kept}}。请重新登录。',
  },
};

export const en: typeof zh = {
  nav: { backups: 'Backups' },
  backups: {
    title: 'Backups and restore',
    intro: 'The database is backed up automatically at start (once a day), before every upgrade migration and before every restore; one backup per day is kept for the last 7 days and one per week for the last 4 weeks. Backups are in the data folder’s backups folder: {{dir}}',
    now: 'Back up now', made: 'Backed up: {{name}}', restore: 'Restore…', name: 'File', createdAt: 'Time', size: 'Size', reason: 'Reason',
    reasons: { daily: 'daily', 'pre-migration': 'before upgrade', 'pre-restore': 'before restore', manual: 'manual' },
    confirmTitle: 'Restore a backup', confirm: 'Restore',
    confirmText: 'Restore the database to the backup {{name}} of {{time}}. Every change made since then disappears from the current data (the current database is first kept as a “before restore” backup). Everyone signs in again afterwards.',
    restored: 'Restored {{name}}; the previous database was kept as {{kept}}. Please sign in again.',
  },
};
