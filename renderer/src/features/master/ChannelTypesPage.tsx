import type { ChannelType } from '@shared/api/areas/master';
import { activeCol, textCol } from '../../grid';
import { CatalogPage } from './CatalogPage';

function columns(t: (key: string) => string) {
  const h = (k: string) => t(`master.col.${k}`);
  return [
    textCol<ChannelType>('code', h('code'), { width: 150, lockVisible: true, cellClass: 'num' }),
    textCol<ChannelType>('nameZh', h('nameZh'), { flex: 1, minWidth: 160 }),
    textCol<ChannelType>('nameEn', h('nameEn'), { flex: 1, minWidth: 160 }),
    activeCol<ChannelType>({ active: t('common.active'), inactive: t('common.inactive') }, h('active')),
  ];
}

/** Channel types (渠道类型): how partners sell. Administrators maintain them. */
export function ChannelTypesPage() {
  return <CatalogPage area="channelTypes" kind="channelType" gridId="channel-types" columns={columns} />;
}
