import { CONTROL_MODES } from '@shared/api/areas/master';
import { call } from '../../../api/client';
import { parseMoneyText, parsePercentToBp, isInvalid } from '../../../grid';
import { issueText, useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field, Select, useForm } from '../../../ui/form';

/**
 * New channel type or cost type. Both have a code and names in both languages; cost types add
 * the pre-approval rule, the receipt threshold (typed in yuan) and the default budget control.
 */
export function AddCatalogDialog({ kind, onClose, onCreated }: { kind: 'channelType' | 'costType'; onClose: () => void; onCreated: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const f = useForm({ code: '', nameZh: '', nameEn: '', requiresPreapproval: true, threshold: '0', defaultControl: 'warn', tolerance: '0' });
  const v = f.values;
  const h = (k: string) => t(`master.col.${k}`);
  const local: Record<string, string> = {};
  const fen = parseMoneyText(v.threshold);
  const bp = parsePercentToBp(v.tolerance);
  if (isInvalid(fen)) local.receiptThresholdFen = issueText({ path: 'threshold', reason: fen.reason });
  if (isInvalid(bp)) local.defaultToleranceBp = issueText({ path: 'tolerance', reason: bp.reason });
  const err = (k: string) => local[k] ?? f.issues[k];
  const text = (k: 'code' | 'nameZh' | 'nameEn') => (
    <Field label={h(k)} error={err(k)}>
      <input name={k} value={v[k]} aria-invalid={!!err(k)} onChange={(e) => f.set(k, e.target.value)} />
    </Field>
  );

  const submit = async () => {
    const base = { code: v.code, nameZh: v.nameZh, nameEn: v.nameEn };
    const created = await f.run(() =>
      kind === 'channelType'
        ? call('channelTypes.create', base)
        : call('costTypes.create', {
            ...base,
            requiresPreapproval: v.requiresPreapproval,
            receiptThresholdFen: typeof fen === 'number' ? fen : 0,
            defaultControl: v.defaultControl as (typeof CONTROL_MODES)[number],
            defaultToleranceBp: typeof bp === 'number' ? bp : 0,
          }),
    );
    if (created) onCreated(i18n.language === 'zh-CN' ? created.nameZh : created.nameEn);
  };

  return (
    <Dialog
      title={t(kind === 'channelType' ? 'master.channelType.add' : 'master.costType.add')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitDisabled={Object.keys(local).length > 0}
      busy={f.busy}
      testId="add-catalog"
    >
      <div className="form-grid">
        {text('code')}
        {text('nameZh')}
        {text('nameEn')}
        {kind === 'costType' && (
          <>
            <Field label={h('requiresPreapproval')} error={err('requiresPreapproval')}>
              <Select
                name="requiresPreapproval"
                value={v.requiresPreapproval ? 'yes' : 'no'}
                choices={[
                  { value: 'yes', label: t('master.yesNo.yes') },
                  { value: 'no', label: t('master.yesNo.no') },
                ]}
                onChange={(x) => f.set('requiresPreapproval', x === 'yes')}
              />
            </Field>
            <Field label={h('receiptThreshold')} error={err('receiptThresholdFen')}>
              <input name="threshold" className="num" value={v.threshold} onChange={(e) => f.set('threshold', e.target.value)} />
            </Field>
            <Field label={h('defaultControl')} error={err('defaultControl')}>
              <Select
                name="defaultControl"
                value={v.defaultControl}
                choices={CONTROL_MODES.map((c) => ({ value: c, label: t(`master.control.${c}`) }))}
                onChange={(x) => f.set('defaultControl', x)}
              />
            </Field>
            <Field label={h('defaultTolerance')} error={err('defaultToleranceBp')}>
              <input name="tolerance" className="num" value={v.tolerance} onChange={(e) => f.set('tolerance', e.target.value)} />
            </Field>
          </>
        )}
      </div>
      <Banner message={f.message} />
    </Dialog>
  );
}
