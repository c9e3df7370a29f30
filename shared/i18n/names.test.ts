import { describe, expect, it } from 'vitest';
import { localName } from './names';

describe('names per language', () => {
  it('shows the English name in English, else the Chinese one marked; Chinese always in Chinese', () => {
    expect(localName({ nameZh: '五华区', nameEn: 'Wuhua District' }, 'en')).toBe('Wuhua District');
    expect(localName({ nameZh: '五华区', nameEn: '' }, 'en')).toBe('五华区 (zh)');
    expect(localName({ nameZh: '滇池贸易有限公司', nameEn: '滇池贸易有限公司' }, 'en')).toBe('滇池贸易有限公司 (zh)');
    expect(localName({ nameZh: 'ABC', nameEn: 'ABC' }, 'en')).toBe('ABC');
    expect(localName({ nameZh: '五华区', nameEn: 'Wuhua District' }, 'zh-CN')).toBe('五华区');
  });
});
